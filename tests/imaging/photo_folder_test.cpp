// Which files of a folder an officer may import (imaging/photo_folder.h).
#include "imaging/photo_folder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/temp_folder.h"

namespace oneservice::imaging {
namespace {

TEST(ImportablePhotos, JpegsInAnyCaseSortedWithoutSubfolders) {
  test_support::TempFolder folder;
  for (const char* name : {"c.Jpg", "a.JPG", "b.jpeg", "d.png", "notes.txt", "e.jpg.txt", "noextension"})
    std::ofstream(folder.file(name)) << "x";
  std::filesystem::create_directory(folder.file("sub"));
  std::ofstream(folder.file("sub/f.jpg")) << "x";
  std::filesystem::create_directory(folder.file("folder.jpg"));  // a folder, not a photo

  EXPECT_EQ(importable_photos(folder.path()),
            (std::vector<std::string>{folder.file("a.JPG"), folder.file("b.jpeg"), folder.file("c.Jpg")}));
}

TEST(ImportablePhotos, NothingFromAMissingFolder) {
  test_support::TempFolder folder;
  EXPECT_TRUE(importable_photos(folder.file("card-not-inserted")).empty());
  EXPECT_TRUE(importable_photos(folder.path()).empty());
}

}  // namespace
}  // namespace oneservice::imaging
