#!/bin/sh
# Secrecy Desk (保密台账工作站) — install, upgrade, roll back or remove the program.
#
#   sudo sh /media/cdrom/install.sh              verify the disc, then install or upgrade
#   sudo sh /opt/secrecy-desk/install.sh --rollback    go back to the previous version
#   sudo sh /opt/secrecy-desk/install.sh --uninstall   remove the program (never a vault)
#   sh install.sh --root DIR                     the same into DIR instead of / (tests)
#
# The program goes to /opt/secrecy-desk (the version before it stays in /opt/secrecy-desk.prev),
# links to /usr/local/bin/secrecy-desk and secrecy-desk-admin, a menu entry and its icon.
# Vaults live outside /opt (each account's ~/.local/share/secrecy-desk, or the folder chosen
# with --vault): nothing here reads, moves or removes them.
set -eu

PREFIX=/opt/secrecy-desk
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=
ACTION=install

say() { printf '%s\n' "$*" >&2; }
# Every message in Chinese, then in English.
both() { say "$1"; say "$2"; }
die() {
  both "$1" "$2"
  exit 1
}

usage() {
  say "用法 / usage: install.sh [--root DIR] [--uninstall | --rollback]"
}

while [ $# -gt 0 ]; do
  case $1 in
    --root)
      [ $# -ge 2 ] || { usage; exit 2; }
      ROOT=$2
      shift 2
      ;;
    --root=*) ROOT=${1#--root=}; shift ;;
    --uninstall) ACTION=uninstall; shift ;;
    --rollback) ACTION=rollback; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done

if [ -n "$ROOT" ]; then
  mkdir -p "$ROOT"
  ROOT=$(cd "$ROOT" && pwd)
  if [ "$ROOT" = / ]; then ROOT=; fi
fi
DEST=$ROOT$PREFIX
PREV=$DEST.prev
BIN=$ROOT/usr/local/bin
APPS=$ROOT/usr/share/applications
ICONS=$ROOT/usr/share/icons/hicolor/scalable/apps

if [ -z "$ROOT" ] && [ "$(id -u)" -ne 0 ]; then
  die "请以 root 身份运行：sudo sh $0" "Run it as root: sudo sh $0"
fi

value() { sed -n "s/^$1=//p" "$2"; }

verify_disc() {
  cd "$HERE"
  if [ ! -f SHA256SUMS ] || [ ! -f VERSION ]; then
    die "光盘上缺少 SHA256SUMS 或 VERSION，不能安装。" \
      "SHA256SUMS or VERSION is missing from the disc: nothing was installed."
  fi
  if ! sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1; then
    sha256sum --quiet -c SHA256SUMS 2>/dev/null | sed 's/^/  /' >&2 || true
    die "校验失败：光盘上的文件与 SHA256SUMS 不符（见上）。未安装任何内容。请勿使用此光盘，并报告保密员。" \
      "Verification failed: files on the disc do not match SHA256SUMS (above). Nothing was installed. Do not use this disc; report it to the secrecy officer."
  fi
  listed=$(wc -l <SHA256SUMS)
  present=$(find . -type f ! -name SHA256SUMS | wc -l)
  if [ "$listed" -ne "$present" ]; then
    die "校验失败：光盘上有 SHA256SUMS 未列出的文件。未安装任何内容。" \
      "Verification failed: the disc holds files that SHA256SUMS does not list. Nothing was installed."
  fi
  both "光盘校验通过（$listed 个文件）。SHA256SUMS 本身的校验值：" \
    "The disc verified ($listed files). Checksum of SHA256SUMS itself (compare with the carrier register):"
  say "  $(sha256sum SHA256SUMS | cut -d' ' -f1)"
}

check_glibc() {
  floor=$(value glibc "$HERE/VERSION")
  have=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed 's/^glibc //')
  [ -n "$have" ] || die "无法确定本机的 glibc 版本。" "Cannot tell this system's glibc version."
  if ! printf '%s\n%s\n' "$floor" "$have" | sort -V -C; then
    die "本机 glibc 为 $have，本程序至少需要 $floor（见 README.txt）。未安装任何内容。" \
      "This system has glibc $have; the program needs at least $floor (see README.txt). Nothing was installed."
  fi
}

# Libraries the bundle takes from the system (the desktop's own X11, fonts, printing...).
check_libraries() {
  lib=$DEST/_internal
  missing=$(
    for f in "$lib"/PySide6/Qt/plugins/platforms/libqxcb.so \
      "$lib"/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so \
      "$lib"/PySide6/Qt/lib/libQt6Widgets.so.6 "$lib"/python3.11/lib-dynload/*.so; do
      [ -f "$f" ] && LD_LIBRARY_PATH=$lib:$lib/PySide6/Qt/lib ldd "$f" 2>/dev/null
    done | sed -n 's/^[[:space:]]*\([^ ]*\) => not found.*/\1/p' | sort -u | tr '\n' ' '
  )
  if [ -n "$missing" ]; then
    both "注意：本机缺少以下系统库，请从发行版的安装介质安装：$missing" \
      "Note: these system libraries are missing; install them from the distribution's media: $missing"
  fi
}

desktop_entry() {
  cat <<EOF
[Desktop Entry]
Type=Application
Version=1.0
Name=Secrecy Desk
Name[zh_CN]=保密台账工作站
GenericName=Secrecy office registers
GenericName[zh_CN]=保密台账
Comment=Registers, commitment letters and approval tables of the secrecy office
Comment[zh_CN]=保密办的台账、保密承诺书和审批表
Exec=$PREFIX/secrecy-desk
Icon=secrecy-desk
Terminal=false
Categories=Office;
StartupNotify=true
EOF
}

refresh_menus() {
  [ -z "$ROOT" ] || return 0
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
  fi
}

links_and_menu() {
  mkdir -p "$BIN" "$APPS" "$ICONS"
  ln -sfn "$PREFIX/secrecy-desk" "$BIN/secrecy-desk"
  ln -sfn "$PREFIX/secrecy-desk-admin" "$BIN/secrecy-desk-admin"
  desktop_entry >"$APPS/secrecy-desk.desktop"
  cp "$DEST/_internal/resources/icons/secrecy-desk.svg" "$ICONS/secrecy-desk.svg"
  chmod 0644 "$APPS/secrecy-desk.desktop" "$ICONS/secrecy-desk.svg"
  refresh_menus
}

# The rollback anchors (docs/design.md "Rollback"): one small file per vault, kept outside the
# vault folders so that a folder put back from a copy is seen. Every account may create its
# vault's anchor here; none may list the folder (learn other vaults' ids) or remove another
# account's file (sticky). Kept on --uninstall, like the vaults.
anchors_folder() {
  anchors=$ROOT/var/lib/secrecy-desk/anchors
  mkdir -p "$anchors"
  if [ "$(id -u)" -eq 0 ]; then chown 0:0 "$ROOT/var/lib/secrecy-desk" "$anchors"; fi
  chmod 0755 "$ROOT/var/lib/secrecy-desk"
  chmod 1733 "$anchors"
}

install_program() {
  verify_disc
  check_glibc
  command -v xz >/dev/null 2>&1 ||
    die "缺少 xz（软件包 xz-utils），无法解开程序包。" "xz (package xz-utils) is missing: cannot unpack the program."
  version=$(value version "$HERE/VERSION")
  archive=$(value archive "$HERE/VERSION")
  old=
  if [ -f "$DEST/VERSION" ]; then old=$(value version "$DEST/VERSION"); fi
  umask 022
  mkdir -p "$ROOT/opt"
  new=$DEST.new
  rm -rf "$new"
  mkdir "$new"
  tar -xJf "$HERE/$archive" -C "$new" --strip-components=1 --no-same-owner
  cp "$HERE/install.sh" "$HERE/VERSION" "$HERE/README.txt" "$new/"
  cp -R "$HERE/licences" "$new/licences"
  if [ "$(id -u)" -eq 0 ]; then chown -R 0:0 "$new"; fi
  chmod -R u=rwX,go=rX "$new"
  chmod 0755 "$new/secrecy-desk" "$new/secrecy-desk-admin" "$new/install.sh"
  if [ -d "$DEST" ]; then
    rm -rf "$PREV"
    mv "$DEST" "$PREV"
  fi
  mv "$new" "$DEST"
  links_and_menu
  anchors_folder
  check_libraries
  both "已安装 保密台账工作站 $version 到 $DEST。" "Secrecy Desk $version is installed in $DEST."
  if [ -n "$old" ]; then
    both "上一版本（$old）保留在 $PREV，可用 --rollback 恢复。加密数据库未改动；新版本首次打开时先做经过校验的备份再升级数据库。" \
      "The previous version ($old) stays in $PREV (--rollback goes back to it). No vault was touched; the first start of the new version makes a verified copy of each vault before it upgrades it."
  fi
}

rollback() {
  [ -d "$PREV" ] || die "没有可恢复的上一版本（$PREV 不存在）。" "There is no previous version ($PREV does not exist)."
  mv "$DEST" "$DEST.rollback"
  mv "$PREV" "$DEST"
  mv "$DEST.rollback" "$PREV"
  links_and_menu
  both "已恢复上一版本 $(value version "$DEST/VERSION")。若数据库已被新版本升级，旧版本不能打开它：请用升级前自动保存的副本（数据库文件夹中的 before-v*）恢复，见 README.txt。" \
    "Back to version $(value version "$DEST/VERSION"). A vault the newer version has upgraded does not open in the older one: restore the copy made before the upgrade (before-v* in the vault folder), see README.txt."
}

uninstall() {
  for link in "$BIN/secrecy-desk" "$BIN/secrecy-desk-admin"; do
    case $(readlink "$link" 2>/dev/null || true) in
      "$PREFIX"/*) rm -f "$link" ;;
    esac
  done
  rm -f "$APPS/secrecy-desk.desktop" "$ICONS/secrecy-desk.svg"
  rm -rf "$DEST" "$PREV" "$DEST.new"
  refresh_menus
  both "程序已卸载。加密数据库（各账户的 ~/.local/share/secrecy-desk 及其他数据库文件夹）及防回滚记录（/var/lib/secrecy-desk）均未改动。" \
    "The program is removed. No vault was touched (each account's ~/.local/share/secrecy-desk and any other vault folder stay as they are), nor the rollback anchors in /var/lib/secrecy-desk."
}

case $ACTION in
  install) install_program ;;
  rollback) rollback ;;
  uninstall) uninstall ;;
esac
