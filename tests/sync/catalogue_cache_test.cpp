#include <gtest/gtest.h>

#include "shared/format_error.h"
#include "support.h"
#include "sync/catalogue_cache.h"

using namespace oneservice;
using namespace oneservice::sync;
using test::read_bytes;
using test::TempFolder;
using test::write_bytes;

namespace {

const std::string kBundled = std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json";

class CatalogueCacheTest : public ::testing::Test {
 protected:
  TempFolder folder;
  Outbox outbox = Outbox::open(outbox_path(folder.path()));
};

std::string format_error_of(Outbox& outbox, const std::string& bundled) {
  try {
    load_catalogue(outbox, bundled);
  } catch (const FormatError& error) {
    return error.what();
  }
  ADD_FAILURE() << "the catalogue loaded";
  return {};
}

}  // namespace

TEST_F(CatalogueCacheTest, FirstLoadSeedsTheCacheFromTheBundledFile) {
  EXPECT_FALSE(outbox.cached_catalogue_json());
  const auto catalogue = load_catalogue(outbox, kBundled);
  EXPECT_EQ(catalogue.changeset, "2026-11-01T09:00:00Z");
  EXPECT_TRUE(catalogue.find_service("pothole"));
  EXPECT_EQ(outbox.cached_catalogue_json(), read_bytes(kBundled));
  test::RawDb raw(outbox.path());
  EXPECT_EQ(raw.text("SELECT value FROM sync_state WHERE key = 'catalogue_current'"), "2026-11-01T09:00:00Z");
}

TEST_F(CatalogueCacheTest, LaterLoadsUseTheCacheNotTheBundledFile) {
  load_catalogue(outbox, kBundled);
  auto newer = read_bytes(kBundled);
  const std::string old_changeset = "\"changeset\": \"2026-11-01T09:00:00Z\"";
  const auto at = newer.find(old_changeset);
  ASSERT_NE(at, std::string::npos);
  newer.replace(at, old_changeset.size(), "\"changeset\": \"2026-12-01T09:00:00Z\"");
  outbox.cache_catalogue("2026-12-01T09:00:00Z", newer);

  const auto catalogue = load_catalogue(outbox, folder.file("no-such-catalogue.json"));
  EXPECT_EQ(catalogue.changeset, "2026-12-01T09:00:00Z");
}

TEST_F(CatalogueCacheTest, TheCacheSurvivesReopening) {
  load_catalogue(outbox, kBundled);
  auto reopened = Outbox::open(outbox.path(), OpenMode::MustExist);
  EXPECT_EQ(reopened.cached_catalogue_json(), read_bytes(kBundled));
}

TEST_F(CatalogueCacheTest, ACorruptCacheIsReportedNotReplaced) {
  outbox.cache_catalogue("x", "{\"services\": [");
  const auto message = format_error_of(outbox, kBundled);
  EXPECT_NE(message.find("cached"), std::string::npos) << message;
  EXPECT_NE(message.find(outbox.path()), std::string::npos) << message;
  EXPECT_EQ(outbox.cached_catalogue_json(), "{\"services\": [");
}

TEST_F(CatalogueCacheTest, AMissingBundledFileIsNamedAndNothingIsCached) {
  const auto missing = folder.file("assets/demo-council/catalogue.json");
  const auto message = format_error_of(outbox, missing);
  EXPECT_NE(message.find(missing), std::string::npos) << message;
  EXPECT_FALSE(outbox.cached_catalogue_json());
}

TEST_F(CatalogueCacheTest, ABadBundledFileIsNamedAndNothingIsCached) {
  const auto bad = folder.file("catalogue.json");
  write_bytes(bad, "{\"changeset\": 12");
  const auto message = format_error_of(outbox, bad);
  EXPECT_NE(message.find(bad), std::string::npos) << message;
  EXPECT_FALSE(outbox.cached_catalogue_json());
}

namespace {

// The demo catalogue with another changeset, written to a file.
std::string bundled_with_changeset(TempFolder& folder, const std::string& changeset) {
  auto text = read_bytes(kBundled);
  const std::string old_changeset = "\"changeset\": \"2026-11-01T09:00:00Z\"";
  const auto at = text.find(old_changeset);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, old_changeset.size(), "\"changeset\": \"" + changeset + "\"");
  const auto path = folder.file("bundled-" + changeset.substr(0, 10) + ".json");
  write_bytes(path, text);
  return path;
}

}  // namespace

TEST_F(CatalogueCacheTest, ANewerBundledCatalogueReplacesAnOlderCache) {
  load_catalogue(outbox, kBundled);
  const auto newer = bundled_with_changeset(folder, "2027-01-15T08:00:00Z");
  EXPECT_EQ(load_catalogue(outbox, newer).changeset, "2027-01-15T08:00:00Z");
  test::RawDb raw(outbox.path());
  EXPECT_EQ(raw.text("SELECT value FROM sync_state WHERE key = 'catalogue_current'"), "2027-01-15T08:00:00Z");
}

TEST_F(CatalogueCacheTest, AnOlderBundledCatalogueDoesNotReplaceTheCache) {
  load_catalogue(outbox, bundled_with_changeset(folder, "2027-01-15T08:00:00Z"));
  EXPECT_EQ(load_catalogue(outbox, kBundled).changeset, "2027-01-15T08:00:00Z");
}

TEST_F(CatalogueCacheTest, ABrokenBundledFileDoesNotStopAKioskWithACache) {
  load_catalogue(outbox, kBundled);
  const auto bad = folder.file("catalogue.json");
  write_bytes(bad, "{\"changeset\": 12");
  EXPECT_EQ(load_catalogue(outbox, bad).changeset, "2026-11-01T09:00:00Z");
}
