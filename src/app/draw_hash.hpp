#pragma once
// A fingerprint of what a frame draws: Dear ImGui's draw lists (vertices, indices, commands with their
// clip rectangles and textures) and the display they go to. Two frames with the same fingerprint put
// the same pixels on screen, so the web host skips the second one's drawing: the canvas keeps the
// picture it has and the browser composites nothing new (an idle tab, a mouse over empty space, the
// clock's heartbeat frames and the second after any input cost no GPU work and no compositor commit).
#include <cstdint>

struct ImDrawData;

namespace plotline {

uint64_t drawDataHash(const ImDrawData& data);

} // namespace plotline
