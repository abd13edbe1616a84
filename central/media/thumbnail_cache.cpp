#include "central/media/thumbnail_cache.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "central/media/thumbnail.h"
#include "shared/media_type.h"

namespace oneservice::central {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A cache file cut short (a crash between write and rename's data reaching
// the disk) is made again rather than served.
bool whole_jpeg(const std::string& bytes) {
  return bytes.size() > 4 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[bytes.size() - 2]) == 0xFF &&
         static_cast<unsigned char>(bytes[bytes.size() - 1]) == 0xD9;
}

// Written under a name of its own, then renamed: two requests making the
// same thumbnail at once each rename a whole file, and a reader never sees
// half of one.
void keep(const std::string& folder, const std::string& name, const std::string& bytes) {
  static std::atomic<unsigned> counter{0};
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) return;
  const auto final_path = folder + "/" + name;
  const auto temporary = final_path + "." + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      fs::remove(temporary, error);
      return;
    }
  }
  fs::rename(temporary, final_path, error);
  if (error) fs::remove(temporary, error);
}

}  // namespace

std::string thumbnail_folder(const std::string& media_dir) { return media_dir + "/thumbs"; }

std::optional<ServedPhoto> thumbnail_or_original(const std::string& media_dir, const std::string& name) {
  const auto folder = thumbnail_folder(media_dir);
  if (auto cached = read_file(folder + "/" + name); cached && whole_jpeg(*cached))
    return ServedPhoto{std::move(*cached), true};
  auto original = read_file(media_dir + "/" + name);
  if (!original) return std::nullopt;
  if (image_type(*original) != std::optional<std::string>("image/jpeg")) return ServedPhoto{std::move(*original), false};
  auto small = make_thumbnail(*original);
  if (!small) return ServedPhoto{std::move(*original), false};
  keep(folder, name, *small);
  return ServedPhoto{std::move(*small), true};
}

std::optional<ServedPhoto> served_photo(const std::string& media_dir, const std::string& name, bool thumbnail) {
  if (thumbnail) return thumbnail_or_original(media_dir, name);
  auto original = read_file(media_dir + "/" + name);
  if (!original) return std::nullopt;
  return ServedPhoto{std::move(*original), false};
}

}  // namespace oneservice::central
