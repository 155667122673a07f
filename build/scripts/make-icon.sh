#!/usr/bin/env bash
# Draws the Kontak app icon with ImageMagick 6 (Debian package imagemagick) and writes
#   build/appicon.png      1024x1024, used by `wails build` and the .desktop file
#   build/windows/icon.ico 16..256 px, used for Windows builds
# Run it again only when the design changes; both outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v convert >/dev/null || { echo "make-icon: needs ImageMagick's convert (apt-get install imagemagick)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

S=1024
# 1. Background: a rounded square with a teal-to-green diagonal gradient and a soft shadow.
convert -size ${S}x${S} xc:none -fill white -draw "roundrectangle 72,64 952,944 196,196" "$tmp/mask.png"
convert -size ${S}x${S} -define gradient:direction=NorthWest gradient:'#0f766e'-'#14b8a6' "$tmp/grad.png"
convert "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/bg.png"
convert "$tmp/mask.png" -fill '#000000' -colorize 100 -channel A -evaluate multiply 0.35 +channel \
  -blur 0x18 -geometry +0+14 "$tmp/shadow.png"
convert -size ${S}x${S} xc:none "$tmp/shadow.png" -composite "$tmp/bg.png" -composite "$tmp/base.png"

# 2. A white contact card with a person glyph and two text lines.
convert "$tmp/base.png" \
  -fill '#0b5f58' -fill 'rgba(0,0,0,0.18)' -draw "roundrectangle 196,290 836,742 64,64" \
  -fill white -draw "roundrectangle 188,272 828,722 64,64" \
  -fill '#0f766e' -draw "circle 362,440 362,362" \
  -draw "path 'M 226,648 C 226,540 290,512 362,512 C 434,512 498,540 498,648 Z'" \
  -fill '#99f6e4' -draw "roundrectangle 548,388 760,424 18,18" \
  -fill '#ccfbf1' -draw "roundrectangle 548,462 720,494 16,16" \
  -fill '#ccfbf1' -draw "roundrectangle 548,530 690,562 16,16" \
  "$tmp/card.png"

# 3. A chat bubble at the lower right, in WhatsApp green with a white rim and three dots.
convert "$tmp/card.png" \
  -fill white -draw "circle 760,760 760,598" \
  -draw "path 'M 640,850 L 612,926 L 700,880 Z'" \
  -fill '#22c55e' -draw "circle 760,760 760,620" \
  -draw "path 'M 660,840 L 642,900 L 706,866 Z'" \
  -fill white -draw "circle 700,760 700,738" -draw "circle 760,760 760,738" -draw "circle 820,760 820,738" \
  -depth 8 -strip -define png:exclude-chunks=date,time build/appicon.png

# 4. Windows icon with the usual sizes.
convert build/appicon.png -strip -define icon:auto-resize=256,128,64,48,32,16 build/windows/icon.ico
echo "make-icon: wrote build/appicon.png and build/windows/icon.ico"
