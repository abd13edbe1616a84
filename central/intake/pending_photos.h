#pragma once
// The photo files of one request between being written and the case that
// names them being committed. One owner for them: a case that is not
// committed (refused, a resend whose twin won, a store failure, an
// exception) takes its files with it when this goes out of scope.
#include <string>
#include <string_view>
#include <vector>

#include "central/records.h"

namespace oneservice::central {

class PendingPhotos {
 public:
  explicit PendingPhotos(std::string folder);
  ~PendingPhotos();  // removes every file unless keep() was called
  PendingPhotos(const PendingPhotos&) = delete;
  PendingPhotos& operator=(const PendingPhotos&) = delete;

  // Writes the bytes under a fresh random name (public URLs reveal nothing
  // of the request, and a file once served is never replaced), synced to
  // disk before this returns, so a 2xx means the photo is on disk too.
  // False when it could not be written; nothing is left behind then.
  bool add(std::string_view bytes, const std::string& content_type);

  const std::vector<MediaFile>& files() const { return files_; }

  // The case naming these files is committed: they are its now.
  void keep() { kept_ = true; }

 private:
  std::string folder_;
  std::vector<MediaFile> files_;
  bool kept_ = false;
};

}  // namespace oneservice::central
