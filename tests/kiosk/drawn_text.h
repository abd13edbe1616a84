#pragma once
// The text of the last frame as the renderer received it, each glyph with
// the colour it was drawn in and the colour beneath it. Read from ImGui's
// draw lists (the vertices handed to SDL), so a contrast check judges what
// a page really shows, map labels included, not a list of intended pairs.
#include <imgui.h>

#include <vector>

namespace oneservice::kiosk::testing {

struct DrawnGlyph {
  ImVec2 centre;
  ImU32 text;        // opaque: the glyph's colour over what is beneath it
  ImU32 background;  // opaque: every fill drawn before it at its centre, over the clear colour
};

// Every visible glyph of the frame whose draw data this is. `clear` is the
// colour the renderer clears to before drawing.
std::vector<DrawnGlyph> drawn_glyphs(const ImDrawData& data, ImU32 clear);

}  // namespace oneservice::kiosk::testing
