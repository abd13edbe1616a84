#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "central/intake/pending_photos.h"
#include "support/temp_folder.h"

using oneservice::central::PendingPhotos;
using oneservice::test_support::TempFolder;

namespace {

constexpr char kPngBytes[] = "\x89PNG\r\n\x1A\n-a-photo";
const std::string kPng(kPngBytes, sizeof kPngBytes - 1);

std::size_t files_in(const std::string& folder) {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++count;
  return count;
}

}  // namespace

TEST(PendingPhotos, FilesOfACaseNeverCommittedAreRemoved) {
  TempFolder folder;
  {
    PendingPhotos photos(folder.path());
    ASSERT_TRUE(photos.add(kPng, "image/png"));
    ASSERT_TRUE(photos.add(kPng, "image/png"));
    ASSERT_EQ(photos.files().size(), 2u);
    EXPECT_NE(photos.files()[0].file_name, photos.files()[1].file_name);
    EXPECT_EQ(photos.files()[0].content_type, "image/png");
    EXPECT_EQ(files_in(folder.path()), 2u) << "written before the case is committed";
  }
  EXPECT_EQ(files_in(folder.path()), 0u);
}

TEST(PendingPhotos, AnExceptionTakesTheFilesWithIt) {
  TempFolder folder;
  try {
    PendingPhotos photos(folder.path());
    ASSERT_TRUE(photos.add(kPng, "image/png"));
    throw std::runtime_error("the store went away");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(files_in(folder.path()), 0u);
}

TEST(PendingPhotos, KeptFilesStayWithTheirBytes) {
  TempFolder folder;
  std::string name;
  {
    PendingPhotos photos(folder.path());
    ASSERT_TRUE(photos.add(kPng, "image/png"));
    name = photos.files().at(0).file_name;
    photos.keep();
  }
  EXPECT_EQ(files_in(folder.path()), 1u);
  EXPECT_EQ(std::filesystem::file_size(folder.file(name)), kPng.size());
  EXPECT_EQ(name.substr(name.size() - 4), ".png");
}

TEST(PendingPhotos, AFolderThatCannotBeWrittenLeavesNothingOwned) {
  TempFolder folder;
  PendingPhotos photos(folder.file("no-such-folder"));
  EXPECT_FALSE(photos.add(kPng, "image/png"));
  EXPECT_TRUE(photos.files().empty());
}
