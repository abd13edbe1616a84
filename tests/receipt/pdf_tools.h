#pragma once
// Reading a receipt back as a person or a phone would: its words with
// poppler's pdftotext, its pages with pdfinfo, its fonts with pdffonts, and
// the page as a grey image with pdftoppm (poppler-utils).
#include <string>
#include <vector>

namespace oneservice::receipt::test {

// A command's standard output; throws when it cannot be run or exits non-zero.
std::string output_of(const std::string& command);

void write_file(const std::string& path, const std::string& bytes);

std::string pdf_text(const std::string& pdf_path);  // pdftotext, UTF-8, pages in order

struct PdfPages {
  int count = 0;
  double width_pt = 0, height_pt = 0;  // the first page's
};
PdfPages pdf_pages(const std::string& pdf_path);

std::string pdf_fonts(const std::string& pdf_path);  // pdffonts' table

// Every word's box on the first page, from pdftotext -bbox.
struct WordBox {
  std::string word;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;  // points from the top left
};
std::vector<WordBox> word_boxes(const std::string& pdf_path);

struct GreyImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;  // 0 black, 255 white, row by row
};
GreyImage first_page_grey(const std::string& pdf_path, int dpi);

}  // namespace oneservice::receipt::test
