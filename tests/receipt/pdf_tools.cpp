#include "pdf_tools.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace oneservice::receipt::test {

std::string output_of(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), &pclose);
  if (!pipe) throw std::runtime_error("could not run: " + command);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  if (pclose(pipe.release()) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("could not write " + path);
}

std::string pdf_text(const std::string& pdf_path) { return output_of("pdftotext -enc UTF-8 '" + pdf_path + "' -"); }

PdfPages pdf_pages(const std::string& pdf_path) {
  const std::string info = output_of("pdfinfo '" + pdf_path + "'");
  PdfPages pages;
  std::smatch match;
  if (std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) pages.count = std::stoi(match[1]);
  if (std::regex_search(info, match, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
    pages.width_pt = std::stod(match[1]);
    pages.height_pt = std::stod(match[2]);
  }
  return pages;
}

std::string pdf_fonts(const std::string& pdf_path) { return output_of("pdffonts '" + pdf_path + "'"); }

std::vector<WordBox> word_boxes(const std::string& pdf_path) {
  const std::string html = output_of("pdftotext -bbox -f 1 -l 1 -enc UTF-8 '" + pdf_path + "' -");
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<WordBox> boxes;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it)
    boxes.push_back({(*it)[5], std::stod((*it)[1]), std::stod((*it)[3]), std::stod((*it)[2]), std::stod((*it)[4])});
  return boxes;
}

GreyImage first_page_grey(const std::string& pdf_path, int dpi) {
  // PGM (P5): a short text header, then one byte a pixel. With
  // -singlefile pdftoppm takes "-" for a file name, so it writes a file.
  const std::string root = pdf_path + "-page";
  output_of("pdftoppm -f 1 -l 1 -singlefile -gray -r " + std::to_string(dpi) + " '" + pdf_path + "' '" + root + "'");
  std::ifstream file(root + ".pgm", std::ios::binary);
  const std::string pgm(std::istreambuf_iterator<char>(file), {});
  std::istringstream in(pgm);
  std::string magic;
  int max = 0;
  GreyImage image;
  in >> magic >> image.width >> image.height >> max;
  in.get();  // the one whitespace byte before the pixels
  if (magic != "P5" || max != 255 || image.width <= 0 || image.height <= 0)
    throw std::runtime_error("pdftoppm gave no 8-bit grey image");
  image.pixels.assign(std::istreambuf_iterator<char>(in), {});
  if (image.pixels.size() != static_cast<std::size_t>(image.width) * image.height)
    throw std::runtime_error("pdftoppm's image is cut short");
  return image;
}

}  // namespace oneservice::receipt::test
