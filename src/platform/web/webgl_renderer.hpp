// Dear ImGui's draw lists onto the page's WebGL2 canvas. The app owns every piece of GL state, so the
// renderer sets what it needs and reads nothing back: ImGui's own GL backend saves and restores the
// state around each frame with ~20 glGet/glIsEnabled calls, several of which WebGL answers by a round
// trip to the GPU process (1.5 ms a drawn frame in headless Chromium).
#pragma once

struct ImDrawData;

namespace plotline::webgl {

bool init();              // program, vertex array and buffers (the font texture follows on the first frame)
void newFrame();          // makes the font texture if there is none
void destroyFontTexture(); // the next newFrame makes it again from the atlas
void render(const ImDrawData& data);

} // namespace plotline::webgl
