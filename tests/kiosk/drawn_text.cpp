#include "drawn_text.h"

#include <algorithm>
#include <set>
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

}  // namespace

std::vector<DrawnGlyph> drawn_glyphs(const ImDrawData& data, ImU32 clear) {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const ImVec2 white = atlas.TexUvWhitePixel;
  // A glyph quad's first corner carries its glyph's top-left UV exactly.
  std::set<std::pair<float, float>> glyph_corners;
  for (const ImFont* font : atlas.Fonts)
    for (const auto& glyph : font->Glyphs) glyph_corners.insert({glyph.U0, glyph.V0});

  std::vector<Fill> fills;  // in drawing order
  std::vector<DrawnGlyph> glyphs;
  const Rgba cleared = unpack(clear);
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
          fills.push_back(fill);
          continue;
        }
        if (!glyph_corners.count({v[0]->uv.x, v[0]->uv.y}) || i + 6 > cmd.ElemCount) continue;
        // The quad's two triangles (0,1,2) and (0,2,3): its corners are v[0] and v[2].
        const ImVec2 centre((v[0]->pos.x + v[2]->pos.x) / 2, (v[0]->pos.y + v[2]->pos.y) / 2);
        i += 3;  // the quad's second triangle
        if (!inside(cmd.ClipRect, centre) || centre.x < data.DisplayPos.x || centre.y < data.DisplayPos.y ||
            centre.x >= data.DisplayPos.x + data.DisplaySize.x || centre.y >= data.DisplayPos.y + data.DisplaySize.y)
          continue;
        Rgba beneath = cleared;
        Rgba layer{};
        for (const auto& fill : fills)
          if (colour_at(fill, centre, layer)) beneath = over(layer, beneath);
        glyphs.push_back({centre, pack(over(unpack(v[0]->col), beneath)), pack(beneath)});
      }
    }
  }
  return glyphs;
}

}  // namespace oneservice::kiosk::testing
