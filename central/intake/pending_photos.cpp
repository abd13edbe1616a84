#include "central/intake/pending_photos.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "shared/identity.h"
#include "shared/media_type.h"

namespace oneservice::central {
namespace {

bool write_all(int fd, std::string_view bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// Writes folder/name via a temporary file and rename, so a reader never sees
// half a photo, and syncs the file and then the folder (the rename itself is
// on disk only once the folder is synced).
bool write_synced(const std::string& folder, const std::string& name, std::string_view bytes) {
  const std::string path = folder + "/" + name;
  const std::string temporary = path + ".part";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool synced = write_all(fd, bytes) && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return false;
  }
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd < 0) return false;
  const bool folder_synced = ::fsync(folder_fd) == 0;
  ::close(folder_fd);
  return folder_synced;
}

}  // namespace

PendingPhotos::PendingPhotos(std::string folder) : folder_(std::move(folder)) {}

PendingPhotos::~PendingPhotos() {
  if (kept_) return;
  for (const auto& file : files_) std::remove((folder_ + "/" + file.file_name).c_str());
}

bool PendingPhotos::add(std::string_view bytes, const std::string& content_type) {
  const std::string name = make_uuid_v4() + "." + extension_for(content_type);
  if (!write_synced(folder_, name, bytes)) {
    std::remove((folder_ + "/" + name).c_str());  // renamed, but its folder not synced
    return false;
  }
  files_.push_back({name, content_type});
  return true;
}

}  // namespace oneservice::central
