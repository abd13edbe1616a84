#include "jpeg_sample.h"

#include <turbojpeg.h>

#include <random>
#include <stdexcept>
#include <vector>

namespace oneservice::central::test {
namespace {

std::string exif_segment(int orientation) {
  // "Exif\0\0", a little-endian TIFF header, one IFD with one SHORT entry.
  std::string tiff("II\x2A\x00\x08\x00\x00\x00", 8);
  tiff += std::string("\x01\x00", 2);                      // one entry
  tiff += std::string("\x12\x01\x03\x00\x01\x00\x00\x00", 8);  // 0x0112, SHORT, count 1
  tiff += static_cast<char>(orientation);
  tiff += std::string(3, '\0');
  tiff += std::string(4, '\0');  // no next IFD
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const auto length = body.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + body;
}

std::vector<unsigned char> decode(const std::string& jpeg, int& width, int& height) {
  tjhandle handle = tjInitDecompress();
  int subsampling = 0, colourspace = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(jpeg.data());
  std::vector<unsigned char> rgb;
  if (tjDecompressHeader3(handle, bytes, jpeg.size(), &width, &height, &subsampling, &colourspace) == 0) {
    rgb.resize(static_cast<std::size_t>(width) * height * 3);
    if (tjDecompress2(handle, bytes, jpeg.size(), rgb.data(), width, 0, height, TJPF_RGB, TJFLAG_STOPONWARNING) != 0)
      rgb.clear();
  }
  tjDestroy(handle);
  return rgb;
}

}  // namespace

std::string sample_jpeg(int width, int height, int orientation) {
  std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
  std::mt19937 noise(7);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      auto* p = &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
      // Red grows to the right, blue downwards: a thumbnail turned the
      // wrong way shows it in its corners.
      p[0] = static_cast<unsigned char>(x * 200 / width + noise() % 40);
      p[1] = static_cast<unsigned char>(noise() % 60);
      p[2] = static_cast<unsigned char>(y * 200 / height + noise() % 40);
    }
  tjhandle handle = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int failed = tjCompress2(handle, rgb.data(), width, 0, height, TJPF_RGB, &out, &size, TJSAMP_420, 92, 0);
  tjDestroy(handle);
  if (failed != 0) throw std::runtime_error("the test could not make a JPEG");
  std::string jpeg(reinterpret_cast<const char*>(out), size);
  tjFree(out);
  if (orientation != 1) jpeg.insert(2, exif_segment(orientation));
  return jpeg;
}

std::string claiming(std::string jpeg, int width, int height) {
  const auto sof = jpeg.find("\xFF\xC0");
  if (sof == std::string::npos || sof + 9 > jpeg.size())
    throw std::runtime_error("the sample JPEG has no baseline frame header");
  jpeg[sof + 5] = static_cast<char>(height >> 8);
  jpeg[sof + 6] = static_cast<char>(height & 0xFF);
  jpeg[sof + 7] = static_cast<char>(width >> 8);
  jpeg[sof + 8] = static_cast<char>(width & 0xFF);
  return jpeg;
}

std::optional<JpegSize> decoded_size(const std::string& jpeg) {
  JpegSize size;
  if (decode(jpeg, size.width, size.height).empty()) return std::nullopt;
  return size;
}

Rgb pixel_at(const std::string& jpeg, int x, int y) {
  int width = 0, height = 0;
  const auto rgb = decode(jpeg, width, height);
  if (rgb.empty() || x >= width || y >= height) throw std::runtime_error("the test could not read that pixel");
  const auto* p = &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
  return {p[0], p[1], p[2]};
}

}  // namespace oneservice::central::test
