#pragma once
// Blocks set down one under another on pages: each knows its height and
// how to draw itself at a given top. Text becomes one block per line, so a
// long paragraph can run onto the next sheet between lines but a heading
// never ends a page alone.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace oneservice::receipt {

// The fonts asked of fontconfig: SIL Andika, made for readers who find
// letter shapes hard, with every Welsh letter; DejaVu Sans for any letter
// it lacks. Both come from Debian packages the app installs.
inline constexpr const char* kFontFamilies = "Andika, DejaVu Sans";

struct Block {
  double height = 0;            // points, the space above it included
  bool keep_with_next = false;  // a heading: on the same page as what follows
  std::function<void(cairo_t*, double top)> draw;
};

struct TextStyle {
  double size_pt = 12;
  bool bold = false;
  double space_before_pt = 0;  // above the paragraph's first line
  bool centred = false;
};

// One block per line of `text` wrapped to `width` points from `left`
// (words broken only when a word alone is wider, as an address may be).
// language is a BCP 47 tag for Pango's line breaking.
std::vector<Block> text_blocks(cairo_t* cr, const std::string& text, const TextStyle& style, double left,
                               double width, const std::string& language, bool keep_with_next = false);

// A web address cut into lines that fit `width`: after a '/', '?' or '&'
// where it can, so no line ends at one of the address's own hyphens (which
// a reader would take for a word broken in two); inside a part only when
// the part alone is wider.
std::vector<std::string> address_lines(cairo_t* cr, const std::string& address, const TextStyle& style, double width);

// The width `text` takes on one line in that style.
double text_width(cairo_t* cr, const std::string& text, const TextStyle& style);

// Sets the blocks down from `top` to `bottom`, starting a new page (the
// same size) when the next block, with any it must be kept with, does not
// fit; a block taller than a page goes on a page of its own.
void flow(cairo_t* cr, const std::vector<Block>& blocks, double top, double bottom);

// The sum of the blocks' heights.
double total_height(const std::vector<Block>& blocks);

}  // namespace oneservice::receipt
