#include "drawn_text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace oneservice::kiosk::testing {
namespace {

struct Rgba {
  float r, g, b, a;
};

Rgba unpack(ImU32 c) {
  return {static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFF), static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFF),
          static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFF),
          static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f};
}

ImU32 pack(const Rgba& c) {
  const auto byte = [](float v) { return static_cast<int>(std::clamp(v, 0.0f, 255.0f) + 0.5f); };
  return IM_COL32(byte(c.r), byte(c.g), byte(c.b), 255);
}

// Source over an opaque destination, as SDL's blend mode draws it.
Rgba over(const Rgba& top, const Rgba& under) {
  return {top.r * top.a + under.r * (1 - top.a), top.g * top.a + under.g * (1 - top.a),
          top.b * top.a + under.b * (1 - top.a), 1.0f};
}

struct Fill {
  ImVec2 p[3];
  Rgba colour[3];
  ImVec4 clip;
  ImVec2 min, max;
};

bool inside(const ImVec4& clip, ImVec2 at) { return at.x >= clip.x && at.x < clip.z && at.y >= clip.y && at.y < clip.w; }

// The fill's colour at `at` (its vertices' colours interpolated), if it covers it.
bool colour_at(const Fill& fill, ImVec2 at, Rgba& out) {
  if (at.x < fill.min.x || at.x > fill.max.x || at.y < fill.min.y || at.y > fill.max.y || !inside(fill.clip, at))
    return false;
  const ImVec2 a = fill.p[0], b = fill.p[1], c = fill.p[2];
  const float area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
  if (area == 0) return false;
  const float wb = ((at.x - a.x) * (c.y - a.y) - (c.x - a.x) * (at.y - a.y)) / area;
  const float wc = ((b.x - a.x) * (at.y - a.y) - (at.x - a.x) * (b.y - a.y)) / area;
  const float wa = 1 - wb - wc;
  if (wa < 0 || wb < 0 || wc < 0) return false;
  const auto mix = [&](float Rgba::*channel) {
    return fill.colour[0].*channel * wa + fill.colour[1].*channel * wb + fill.colour[2].*channel * wc;
  };
  out = {mix(&Rgba::r), mix(&Rgba::g), mix(&Rgba::b), mix(&Rgba::a)};
  return true;
}

// Walks the frame's font-atlas triangles in drawing order: each fill
// (a triangle of the atlas's white pixel) and each glyph quad that shows
// at least in part (its top-left and bottom-right corners, its centre,
// whether the centre shows and whether all of it does).
template <typename OnFill, typename OnGlyph>
void visit_text_and_fills(const ImDrawData& data, OnFill on_fill, OnGlyph on_glyph) {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const ImVec2 white = atlas.TexUvWhitePixel;
  // A glyph quad's first corner carries its glyph's top-left UV exactly.
  std::set<std::pair<float, float>> glyph_corners;
  for (const ImFont* font : atlas.Fonts)
    for (const auto& glyph : font->Glyphs) glyph_corners.insert({glyph.U0, glyph.V0});
  for (int list = 0; list < data.CmdListsCount; ++list) {
    const ImDrawList& draw = *data.CmdLists[list];
    for (const ImDrawCmd& cmd : draw.CmdBuffer) {
      if (cmd.UserCallback) continue;
      // Only the font atlas: images (the logo, the map tiles) are not judged.
      if (cmd.TextureId != atlas.TexID) continue;
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawIdx* idx = draw.IdxBuffer.Data + cmd.IdxOffset + i;
        const ImDrawVert* v[3] = {&draw.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[0])],
                                  &draw.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[1])],
                                  &draw.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[2])]};
        const bool is_fill = v[0]->uv.x == white.x && v[0]->uv.y == white.y && v[1]->uv.x == white.x &&
                             v[1]->uv.y == white.y && v[2]->uv.x == white.x && v[2]->uv.y == white.y;
        if (is_fill) {
          Fill fill{{v[0]->pos, v[1]->pos, v[2]->pos},
                    {unpack(v[0]->col), unpack(v[1]->col), unpack(v[2]->col)},
                    cmd.ClipRect,
                    ImVec2(std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y})),
                    ImVec2(std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}), std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}))};
          on_fill(fill);
          continue;
        }
        if (!glyph_corners.count({v[0]->uv.x, v[0]->uv.y}) || i + 6 > cmd.ElemCount) continue;
        // The quad's two triangles (0,1,2) and (0,2,3): its corners are v[0] and v[2].
        const ImVec2 centre((v[0]->pos.x + v[2]->pos.x) / 2, (v[0]->pos.y + v[2]->pos.y) / 2);
        i += 3;  // the quad's second triangle
        // What shows: the clip rectangle within the display.
        const ImVec4 shown(std::max(cmd.ClipRect.x, data.DisplayPos.x), std::max(cmd.ClipRect.y, data.DisplayPos.y),
                           std::min(cmd.ClipRect.z, data.DisplayPos.x + data.DisplaySize.x),
                           std::min(cmd.ClipRect.w, data.DisplayPos.y + data.DisplaySize.y));
        const ImVec2 min = v[0]->pos, max = v[2]->pos;
        if (max.x <= shown.x || min.x >= shown.z || max.y <= shown.y || min.y >= shown.w) continue;  // hidden
        // A letter may overhang its box by a pixel ("T" at the left edge).
        constexpr float kOverhang = 2.0f;
        const bool whole = min.x >= shown.x - kOverhang && max.x <= shown.z + kOverhang &&
                           min.y >= shown.y - kOverhang && max.y <= shown.w + kOverhang;
        on_glyph(*v[0], *v[2], centre, inside(shown, centre), whole);
      }
    }
  }
}

// Where a glyph's atlas corner came from: its font (for the advance and
// the width of a space) and the glyph itself.
struct AtlasGlyph {
  const ImFont* font;
  const ImFontGlyph* glyph;
};

void append_utf8(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::vector<DrawnGlyph> drawn_glyphs(const ImDrawData& data, ImU32 clear) {
  std::vector<Fill> fills;  // in drawing order
  std::vector<DrawnGlyph> glyphs;
  const Rgba cleared = unpack(clear);
  visit_text_and_fills(
      data, [&](const Fill& fill) { fills.push_back(fill); },
      [&](const ImDrawVert& corner, const ImDrawVert&, ImVec2 centre, bool centre_shows, bool) {
        if (!centre_shows) return;
        Rgba beneath = cleared;
        Rgba layer{};
        for (const auto& fill : fills)
          if (colour_at(fill, centre, layer)) beneath = over(layer, beneath);
        glyphs.push_back({centre, pack(over(unpack(corner.col), beneath)), pack(beneath)});
      });
  return glyphs;
}

std::vector<ImVec4> filled_rects(const ImDrawData& data, ImU32 colour) {
  std::set<std::tuple<float, float, float, float>> rects;
  const Rgba wanted = unpack(colour);
  visit_text_and_fills(
      data,
      [&](const Fill& fill) {
        for (const auto& corner : fill.colour)
          if (corner.r != wanted.r || corner.g != wanted.g || corner.b != wanted.b || corner.a != wanted.a) return;
        rects.insert({fill.min.x, fill.min.y, fill.max.x, fill.max.y});
      },
      [](const ImDrawVert&, const ImDrawVert&, ImVec2, bool, bool) {});
  std::vector<ImVec4> out;
  for (const auto& [x0, y0, x1, y1] : rects) out.emplace_back(x0, y0, x1, y1);
  return out;
}

std::vector<std::string> drawn_lines(const ImDrawData& data) {
  std::map<std::pair<float, float>, AtlasGlyph> by_corner;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const auto& glyph : font->Glyphs) by_corner.insert({{glyph.U0, glyph.V0}, {font, &glyph}});
  std::vector<std::string> lines;
  std::string line;
  bool cut = false;  // a glyph of the line is cut off by the edge of its window: no one can read it whole
  float line_top = 0, next_pen = 0, space = 0;
  const auto end_line = [&] {
    if (!line.empty() && !cut) lines.push_back(line);
    line.clear();
    cut = false;
  };
  visit_text_and_fills(
      data, [](const Fill&) {},
      [&](const ImDrawVert& top_left, const ImDrawVert& bottom_right, ImVec2, bool, bool whole) {
        const auto found = by_corner.find({top_left.uv.x, top_left.uv.y});
        if (found == by_corner.end()) return;
        const ImFontGlyph& glyph = *found->second.glyph;
        // ImGui places a glyph's quad at pen + X0 (scaled): undo that to
        // find the pen, and so the gap since the glyph before.
        const float width = glyph.X1 - glyph.X0;
        const float scale = width > 0 ? (bottom_right.pos.x - top_left.pos.x) / width : 1.0f;
        const float pen = top_left.pos.x - glyph.X0 * scale;
        const float top = top_left.pos.y - glyph.Y0 * scale;
        const bool same_line = !line.empty() && std::abs(top - line_top) < 1.0f;
        const float gap = pen - next_pen;
        if (same_line && std::abs(gap) < 1.0f) {
          // the next letter of the word
        } else if (same_line && gap > 0 && gap < space * 3 + 1) {
          line += ' ';
        } else {
          end_line();
          line_top = top;
        }
        append_utf8(line, glyph.Codepoint);
        cut = cut || !whole;
        next_pen = pen + glyph.AdvanceX * scale;
        const ImFontGlyph* space_glyph = found->second.font->FindGlyphNoFallback(' ');
        space = space_glyph ? space_glyph->AdvanceX * scale : 0;
      });
  end_line();
  return lines;
}

}  // namespace oneservice::kiosk::testing
