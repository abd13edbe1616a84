#include "imaging/photo_folder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace oneservice::imaging {
namespace {

bool named_like_a_jpeg(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".jpg" || extension == ".jpeg";
}

}  // namespace

std::vector<std::string> importable_photos(const std::string& folder) {
  std::vector<std::string> photos;
  std::error_code error;
  std::filesystem::directory_iterator entries(folder, error);
  if (error) return photos;
  // increment(error), not ++: a folder that vanishes half-way (a card
  // pulled out) ends the list instead of throwing.
  for (auto entry = entries; entry != std::filesystem::directory_iterator(); entry.increment(error)) {
    std::error_code type_error;
    if (entry->is_regular_file(type_error) && named_like_a_jpeg(entry->path()))
      photos.push_back(entry->path().string());
    if (error) break;
  }
  std::sort(photos.begin(), photos.end());
  return photos;
}

}  // namespace oneservice::imaging
