#include "receipt/page_flow.h"

#include <utility>

namespace oneservice::receipt {
namespace {

// Andika's own line height (1.6 times its size, room for stacked accents)
// already keeps lines well apart for a reader with poor sight.
constexpr double kLineSpacing = 1.0;

struct LayoutUnref {
  void operator()(PangoLayout* layout) const noexcept { g_object_unref(layout); }
};

std::shared_ptr<PangoLayout> layout_for(cairo_t* cr, const std::string& text, const TextStyle& style,
                                        const std::string& language) {
  std::shared_ptr<PangoLayout> layout(pango_cairo_create_layout(cr), LayoutUnref{});
  PangoFontDescription* font = pango_font_description_from_string(kFontFamilies);
  // Absolute: the PDF's units are points, whatever Pango takes a screen's
  // resolution to be.
  pango_font_description_set_absolute_size(font, style.size_pt * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  PangoAttrList* attributes = pango_attr_list_new();
  pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language.c_str())));
  pango_layout_set_attributes(layout.get(), attributes);
  pango_attr_list_unref(attributes);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

}  // namespace

std::vector<Block> text_blocks(cairo_t* cr, const std::string& text, const TextStyle& style, double left,
                               double width, const std::string& language, bool keep_with_next) {
  std::vector<Block> blocks;
  if (text.empty()) return blocks;
  const auto layout = layout_for(cr, text, style, language);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);

  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  bool first = true;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
    const double ascent = static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
    const double x = left + static_cast<double>(logical.x) / PANGO_SCALE;
    const double above = first ? style.space_before_pt : 0;
    const double height = above + line_height * kLineSpacing;
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    pango_layout_line_ref(line);
    std::shared_ptr<PangoLayoutLine> held(line, [](PangoLayoutLine* l) { pango_layout_line_unref(l); });
    blocks.push_back({height, keep_with_next, [layout, held, x, above, line_height, ascent](cairo_t* c, double top) {
                        cairo_move_to(c, x, top + above + line_height * (kLineSpacing - 1) / 2 + ascent);
                        pango_cairo_show_layout_line(c, held.get());
                      }});
    first = false;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return blocks;
}

double text_width(cairo_t* cr, const std::string& text, const TextStyle& style) {
  const auto layout = layout_for(cr, text, style, "en");
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

std::vector<std::string> address_lines(cairo_t* cr, const std::string& address, const TextStyle& style, double width) {
  // The address in parts, each ending after a place to break.
  std::vector<std::string> parts;
  std::string part;
  for (const char c : address) {
    part += c;
    if (c == '/' || c == '?' || c == '&') parts.push_back(std::move(part)), part.clear();
  }
  if (!part.empty()) parts.push_back(part);

  std::vector<std::string> lines;
  std::string line;
  const auto fits = [&](const std::string& s) { return text_width(cr, s, style) <= width; };
  for (const auto& piece : parts) {
    if (fits(line + piece)) {
      line += piece;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line)), line.clear();
    // A part wider than the line on its own: cut between characters (never
    // inside a UTF-8 sequence).
    for (std::size_t i = 0; i < piece.size();) {
      std::size_t next = i + 1;
      while (next < piece.size() && (static_cast<unsigned char>(piece[next]) & 0xC0) == 0x80) ++next;
      const std::string character = piece.substr(i, next - i);
      if (!line.empty() && !fits(line + character)) lines.push_back(std::move(line)), line.clear();
      line += character;
      i = next;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void flow(cairo_t* cr, const std::vector<Block>& blocks, double top, double bottom) {
  double y = top;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    double needed = blocks[i].height;
    for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keep_with_next; ++j) needed += blocks[j + 1].height;
    if (y + needed > bottom && y > top) {
      cairo_show_page(cr);
      y = top;
    }
    blocks[i].draw(cr, y);
    y += blocks[i].height;
  }
}

double total_height(const std::vector<Block>& blocks) {
  double sum = 0;
  for (const auto& block : blocks) sum += block.height;
  return sum;
}

}  // namespace oneservice::receipt
