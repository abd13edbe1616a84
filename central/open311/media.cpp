#include "central/open311/media.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace oneservice::central::open311 {

bool write_media_file(const std::string& folder, const std::string& name, const std::string& bytes) {
  const std::string path = folder + "/" + name;
  const std::string temporary = path + ".part";
  // Synced before the case is committed: a 2xx means the photo is on disk too.
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || std::rename(temporary.c_str(), path.c_str()) != 0) return false;
  // The rename itself is on disk only once the folder is synced.
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd < 0) return false;
  const bool folder_synced = ::fsync(folder_fd) == 0;
  ::close(folder_fd);
  return folder_synced;
}

bool is_safe_media_name(const std::string& name) {
  if (name.empty() || name.size() > 128) return false;
  int dots = 0;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (c == '.') ++dots;
    else if (!plain) return false;
  }
  return dots == 1 && name.front() != '.';
}

}  // namespace oneservice::central::open311
