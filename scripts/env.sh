# Shared paths and versions for Plotline's scripts. Source it; it changes nothing.
: "${PLOTLINE_CACHE:=${XDG_CACHE_HOME:-$HOME/.cache}/plotline}"
IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
PUGIXML_VERSION=1.13
IMGUI_DIR="$PLOTLINE_CACHE/imgui-$IMGUI_VERSION"
SDL2_SRC="$PLOTLINE_CACHE/libsdl2-$SDL2_VERSION"
PUGIXML_DIR="$PLOTLINE_CACHE/pugixml-$PUGIXML_VERSION"
SDL2_WASM="$PLOTLINE_CACHE/sdl2-wasm-$SDL2_VERSION-video"   # video, events and timers only (scripts/setup.sh)
export PLOTLINE_CACHE IMGUI_DIR PUGIXML_DIR SDL2_WASM NODE_PATH=/usr/share/nodejs
# The files written by MS Project, MPXJ and GanttProject (../shared/interop beside the repository, or
# beside the repository a clone came from; PLOTLINE_INTEROP overrides), as CMakeLists.txt finds them:
#   interop_dir "$here"   → prints the folder, or nothing
interop_dir() {
  [ -n "${PLOTLINE_INTEROP:-}" ] && { echo "$PLOTLINE_INTEROP"; return; }
  local d
  for d in "$1/../shared/interop" "$(git -C "$1" config --get remote.origin.url 2>/dev/null)/../shared/interop"; do
    [ -f "$d/SOURCES.md" ] && { (cd "$d" && pwd); return; }
  done
}
