# Shared paths and versions for Plotline's scripts. Source it; it changes nothing.
: "${PLOTLINE_CACHE:=${XDG_CACHE_HOME:-$HOME/.cache}/plotline}"
IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
IMGUI_DIR="$PLOTLINE_CACHE/imgui-$IMGUI_VERSION"
SDL2_SRC="$PLOTLINE_CACHE/libsdl2-$SDL2_VERSION"
SDL2_WASM="$PLOTLINE_CACHE/sdl2-wasm-$SDL2_VERSION"
export PLOTLINE_CACHE IMGUI_DIR SDL2_WASM NODE_PATH=/usr/share/nodejs
