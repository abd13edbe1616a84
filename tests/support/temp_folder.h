#pragma once
// A fresh folder under the system's temporary folder for one test, removed
// with everything in it at the end (write access is given back first, since
// some tests make files read-only).
#include <string>

namespace oneservice::test_support {

class TempFolder {
 public:
  TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder();

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace oneservice::test_support
