#include "receipt/receipt_pdf.h"

#include <cairo-pdf.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "receipt/page_flow.h"
#include "qr/qr_matrix.h"

namespace oneservice::receipt {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

// Sizes for each paper. A4's body type is 16 pt, the RNIB's "large print"
// range; the roll's 13 pt is the largest that still fits a service's name
// on a few lines of 72 mm.
struct Look {
  double width = 0, height = 0;  // points; height 0: as long as the receipt
  double margin = 0;
  TextStyle council, title, reference_heading, heading, body, url, footer;
  double reference_pt = 0;  // shrunk, down to the body's size, to keep the reference on one line
  double rule = 0;          // thickness of the line under the council's name and of the reference's box
  double qr_side = 0;       // the QR code with its quiet zone
  bool qr_beside = false;   // beside the tracking words (A4) or under them, centred (roll)
};

Look look_for(Paper paper) {
  Look look;
  if (paper == Paper::A4) {
    look.width = 210 * kPointsPerMm;
    look.height = 297 * kPointsPerMm;
    look.margin = 18 * kPointsPerMm;
    look.council = {26, true, 0};
    look.title = {21, false, 14};
    look.reference_heading = {17, true, 16};
    look.heading = {18, true, 18};
    look.body = {16, false, 2};
    look.url = {15, false, 4};
    look.footer = {12, false, 24};
    look.reference_pt = 40;
    look.rule = 2.5;
    look.qr_side = 42 * kPointsPerMm;
    look.qr_beside = true;
  } else {
    look.width = 80 * kPointsPerMm;
    look.margin = 4 * kPointsPerMm;
    look.council = {17, true, 0, true};
    look.title = {14, false, 8, true};
    look.reference_heading = {13, true, 10, true};
    look.heading = {14, true, 12};
    look.body = {13, false, 2};
    look.url = {11, false, 2, true};
    look.footer = {10, false, 14, true};
    look.reference_pt = 28;
    look.rule = 2;
    look.qr_side = 44 * kPointsPerMm;
    look.qr_beside = false;
  }
  return look;
}

void append(std::vector<Block>& to, std::vector<Block> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// The address in words, cut after its slashes to fit.
std::vector<Block> address_blocks(cairo_t* cr, const ReceiptText& text, TextStyle style, double left, double width) {
  std::vector<Block> blocks;
  for (const auto& line : address_lines(cr, text.tracking_url, style, width)) {
    append(blocks, text_blocks(cr, line, style, left, width, text.language));
    style.space_before_pt = 0;
  }
  return blocks;
}

// A section's heading (kept with its first line) and paragraphs.
std::vector<Block> section_blocks(cairo_t* cr, const ReceiptSection& section, const Look& look, double left,
                                  double width, const std::string& language) {
  std::vector<Block> blocks = text_blocks(cr, section.heading, look.heading, left, width, language, true);
  TextStyle body = look.body;
  if (section.heading.empty()) body.space_before_pt = look.heading.space_before_pt;
  for (const auto& line : section.lines) {
    append(blocks, text_blocks(cr, line, body, left, width, language));
    body.space_before_pt = look.body.space_before_pt;
  }
  return blocks;
}

Block rule_block(const Look& look, double space_before) {
  const double left = look.margin, right = look.width - look.margin, thickness = look.rule;
  return {space_before + thickness, false, [=](cairo_t* cr, double top) {
            cairo_set_line_width(cr, thickness);
            cairo_move_to(cr, left, top + space_before + thickness / 2);
            cairo_line_to(cr, right, top + space_before + thickness / 2);
            cairo_stroke(cr);
          }};
}

// The reference on one line in a box, its type shrunk (never below the
// body's) until it fits; only a reference too long even then is wrapped.
Block reference_block(cairo_t* cr, const ReceiptText& text, const Look& look) {
  const double padding = look.reference_pt * 0.2;
  const double inner = look.width - 2 * look.margin - 2 * padding - 2 * look.rule;
  TextStyle style{look.reference_pt, true, 0, look.council.centred};
  while (style.size_pt > look.body.size_pt && text_width(cr, text.reference, style) > inner)
    style.size_pt = std::max(look.body.size_pt, style.size_pt - 1);
  const double left = look.margin + look.rule + padding;
  auto lines = std::make_shared<std::vector<Block>>(text_blocks(cr, text.reference, style, left, inner, text.language));
  const double box = total_height(*lines) + 2 * padding;
  const double space_before = 4, thickness = look.rule, box_left = look.margin, box_width = look.width - 2 * look.margin;
  return {space_before + box + thickness, false, [=](cairo_t* c, double top) {
            cairo_set_line_width(c, thickness);
            cairo_rectangle(c, box_left + thickness / 2, top + space_before + thickness / 2, box_width - thickness, box);
            cairo_stroke(c);
            double y = top + space_before + thickness / 2 + padding;
            for (const auto& line : *lines) {
              line.draw(c, y);
              y += line.height;
            }
          }};
}

// Dark modules as one filled path: squares that touch leave no seam
// between them when a printer's driver rasterises the page.
Block qr_block(const qr::QrMatrix& symbol, double left, double side, double space_before) {
  auto held = std::make_shared<qr::QrMatrix>(symbol);
  return {space_before + side, false, [=](cairo_t* cr, double top) {
            const double module = side / (held->size + 2 * qr::kQuietZone);
            const double x0 = left + qr::kQuietZone * module, y0 = top + space_before + qr::kQuietZone * module;
            for (int y = 0; y < held->size; ++y)
              for (int x = 0; x < held->size;) {
                if (!held->at(x, y)) {
                  ++x;
                  continue;
                }
                const int start = x;
                while (x < held->size && held->at(x, y)) ++x;
                cairo_rectangle(cr, x0 + start * module, y0 + y * module, (x - start) * module, module);
              }
            cairo_fill(cr);
          }};
}

// The tracking page: words and address beside the code on A4 (one block,
// never split), under each other on a roll.
std::vector<Block> tracking_blocks(cairo_t* cr, const ReceiptText& text, const qr::QrMatrix& symbol, const Look& look) {
  const double content = look.width - 2 * look.margin;
  std::vector<Block> blocks;
  if (!look.qr_beside) {
    append(blocks, section_blocks(cr, text.tracking, look, look.margin, content, text.language));
    blocks.push_back(qr_block(symbol, look.margin + (content - look.qr_side) / 2, look.qr_side, 4));
    TextStyle url = look.url;
    url.space_before_pt = 0;
    append(blocks, address_blocks(cr, text, url, look.margin, content));
    // Heading, code and address on one stretch of paper.
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i) blocks[i].keep_with_next = true;
    return blocks;
  }
  const double gap = 8 * kPointsPerMm, column = content - look.qr_side - gap;
  auto words = std::make_shared<std::vector<Block>>(section_blocks(cr, text.tracking, look, look.margin, column, text.language));
  append(*words, address_blocks(cr, text, look.url, look.margin, column));
  const double space_before = look.heading.space_before_pt;
  // The code's top lines up with the heading's, below the same gap.
  auto code = std::make_shared<Block>(qr_block(symbol, look.width - look.margin - look.qr_side, look.qr_side, 0));
  const double height = std::max(total_height(*words), space_before + look.qr_side);
  blocks.push_back({height, false, [=](cairo_t* c, double top) {
                      double y = top;
                      for (const auto& line : *words) {
                        line.draw(c, y);
                        y += line.height;
                      }
                      code->draw(c, top + space_before);
                    }});
  return blocks;
}

std::optional<RenderProblem> problem_with(const ReceiptText& text) {
  if (text.council_name.empty() || text.reference.empty())
    return RenderProblem{RenderProblemKind::Incomplete, "a receipt needs the council's name and the reference"};
  std::vector<const std::string*> all{&text.language,          &text.council_name,       &text.title,
                                      &text.reference_heading, &text.reference,          &text.tracking_url,
                                      &text.footer,            &text.what_was_asked.heading,
                                      &text.what_happens_next.heading, &text.who_deals_with_it.heading,
                                      &text.tracking.heading};
  for (const auto* section : {&text.what_was_asked, &text.what_happens_next, &text.who_deals_with_it, &text.tracking})
    for (const auto& line : section->lines) all.push_back(&line);
  for (const auto* s : all)
    if (!g_utf8_validate(s->data(), static_cast<gssize>(s->size()), nullptr))
      return RenderProblem{RenderProblemKind::NotText, "a line of the receipt is not UTF-8"};
  return std::nullopt;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::variant<std::string, RenderProblem> render_receipt_pdf(const ReceiptText& text, Paper paper) {
  if (auto problem = problem_with(text)) return *problem;
  std::optional<qr::QrMatrix> symbol;
  if (!text.tracking_url.empty()) {
    symbol = qr::make_qr(text.tracking_url);
    if (!symbol)
      return RenderProblem{RenderProblemKind::AddressTooLong, "the tracking address is too long for a QR code"};
  }
  const Look look = look_for(paper);

  std::string pdf;
  // A roll's length is known only once the words are laid out: the page
  // is made A4-long and cut to size before anything is drawn on it.
  const double first_height = look.height > 0 ? look.height : 297 * kPointsPerMm;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(append_bytes, &pdf, look.width, first_height), &cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);  // black only: thermal roll printers have no grey

  const double left = look.margin, content = look.width - 2 * look.margin;
  std::vector<Block> blocks = text_blocks(cr.get(), text.council_name, look.council, left, content, text.language);
  blocks.push_back(rule_block(look, 6));
  append(blocks, text_blocks(cr.get(), text.title, look.title, left, content, text.language));
  append(blocks, text_blocks(cr.get(), text.reference_heading, look.reference_heading, left, content, text.language, true));
  blocks.push_back(reference_block(cr.get(), text, look));
  for (const auto* section : {&text.what_was_asked, &text.what_happens_next, &text.who_deals_with_it})
    append(blocks, section_blocks(cr.get(), *section, look, left, content, text.language));
  if (symbol) append(blocks, tracking_blocks(cr.get(), text, *symbol, look));
  append(blocks, text_blocks(cr.get(), text.footer, look.footer, left, content, text.language));

  const double top = look.margin;
  if (look.height > 0) {
    flow(cr.get(), blocks, top, look.height - look.margin);
  } else {
    const double length = std::ceil(total_height(blocks) + 2 * look.margin);
    cairo_pdf_surface_set_size(surface.get(), look.width, length);
    flow(cr.get(), blocks, top, length);
  }
  cairo_show_page(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return RenderProblem{RenderProblemKind::DrawingFailed, cairo_status_to_string(cairo_surface_status(surface.get()))};
  return pdf;
}

}  // namespace oneservice::receipt
