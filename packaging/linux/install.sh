#!/bin/sh
# Install the unpacked Daloy folder for the current user: a launcher in ~/.local/bin, the menu
# entry and the icon. Run from the unpacked folder: sh install.sh
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$HOME/.local/bin" "$HOME/.local/share/applications" "$HOME/.local/share/icons/hicolor/256x256/apps"
ln -sf "$here/daloy" "$HOME/.local/bin/daloy"
sed "s|^Exec=daloy|Exec=$here/daloy|" "$here/daloy.desktop" > "$HOME/.local/share/applications/daloy.desktop"
cp "$here/daloy.png" "$HOME/.local/share/icons/hicolor/256x256/apps/daloy.png"
echo "Daloy installed: find it in your applications menu, or run: daloy"
