#pragma once
// The receipt as a PDF, drawn with cairo and laid out with Pango: large,
// plain type for older residents and poor eyesight (SIL Andika, made for
// readers who struggle with letter shapes, with every Welsh letter: â ŵ ŷ),
// the reference in a box at the size of a headline, and a QR code of the
// tracking page drawn as vector squares so it stays sharp at any printer's
// resolution. An A4 receipt runs onto a second sheet when the words need
// it; a roll receipt is as long as its words.
#include <string>
#include <variant>

#include "receipt/paper.h"
#include "receipt/receipt_text.h"

namespace oneservice::receipt {

// The kind is for the app to word; reason is English for logs and holds
// none of the receipt's text.
enum class RenderProblemKind {
  Incomplete,      // no council name or no reference
  NotText,         // a line is not UTF-8
  AddressTooLong,  // tracking_url does not fit in any QR code
  DrawingFailed,   // cairo could not make the PDF
};
struct RenderProblem {
  RenderProblemKind kind = RenderProblemKind::Incomplete;
  std::string reason;
};

// The PDF's bytes.
std::variant<std::string, RenderProblem> render_receipt_pdf(const ReceiptText& text, Paper paper);

}  // namespace oneservice::receipt
