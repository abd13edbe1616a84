#pragma once
// The text of the last frame as the renderer received it, each glyph with
// the colour it was drawn in and the colour beneath it. Read from ImGui's
// draw lists (the vertices handed to SDL), so a contrast check judges what
// a page really shows, map labels included, not a list of intended pairs.
#include <imgui.h>

#include <string>
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

// The rectangles filled in this colour in the frame (each a pair of
// triangles), as min x, min y, max x, max y: a red bar marking a field.
std::vector<ImVec4> filled_rects(const ImDrawData& data, ImU32 colour);

// The words of the frame as a person reads them off the screen: each run of
// visible glyphs set on one line, in drawing order, with a space wherever
// the gap between two glyphs is wider than their advance (ImGui draws no
// quad for a space). Read back from the glyphs' atlas positions, so it
// holds every string drawn, whichever widget or draw call drew it.
std::vector<std::string> drawn_lines(const ImDrawData& data);

}  // namespace oneservice::kiosk::testing
