// The Translator: English as written, Welsh from the compiled PO files with
// its six plural forms, and a clear error (and English) when a file is
// missing or broken.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "i18n/welsh.h"
#include "kiosk/sync_status.h"
#include "kiosk/translator.h"
#include "support/temp_folder.h"

using namespace oneservice;
using namespace oneservice::kiosk;
using oneservice::i18n_testing::welsh;

namespace {

std::string waiting(const Translator& t, long n) {
  return format(t.trn("{count} request waiting to send", "{count} requests waiting to send", n),
                {{"count", std::to_string(n)}});
}

// Copies the build's Welsh kiosk file into a locale folder of the test's own.
void copy_kiosk_file(const std::string& locale_dir) {
  const auto folder = std::filesystem::path(locale_dir) / "cy" / "LC_MESSAGES";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(std::filesystem::path(default_locale_dir()) / "cy" / "LC_MESSAGES" / "oneservice.mo",
                             folder / "oneservice.mo");
}

}  // namespace

TEST(Translator, EnglishGivesTheWordsAsWritten) {
  const Translator english;
  EXPECT_EQ(english.language(), "en");
  EXPECT_EQ(english.tr("Online"), "Online");
  EXPECT_EQ(english.catalogue("Report a pothole"), "Report a pothole");
  EXPECT_EQ(waiting(english, 1), "1 request waiting to send");
  EXPECT_EQ(waiting(english, 0), "0 requests waiting to send");
  EXPECT_EQ(waiting(english, 2), "2 requests waiting to send");
  // "en" needs no files, wherever the folder points.
  const Translator loaded("en", "/nonexistent", "demo-council");
  EXPECT_EQ(loaded.tr("Online"), "Online");
}

TEST(Translator, WelshKioskAndCatalogueWords) {
  EXPECT_EQ(welsh().language(), "cy");
  EXPECT_EQ(welsh().tr("Online"), "Ar-lein");
  EXPECT_EQ(welsh().tr("Enter {noun}"), "Rhowch {noun}");
  EXPECT_EQ(welsh().catalogue("Report a pothole"), "Rhoi gwybod am dwll yn y ffordd");
  // Each domain holds its own words only.
  EXPECT_EQ(welsh().tr("Report a pothole"), "Report a pothole");
  EXPECT_EQ(welsh().catalogue("Online"), "Online");
}

TEST(Translator, WelshPluralFormsFollowTheNumber) {
  // zero, one, two (soft mutation), three and six (aspirate), other.
  EXPECT_EQ(waiting(welsh(), 0), "Does dim ceisiadau’n aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 1), "1 cais yn aros i gael ei anfon");
  EXPECT_EQ(waiting(welsh(), 2), "2 gais yn aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 3), "3 chais yn aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 4), "4 cais yn aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 6), "6 chais yn aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 7), "7 cais yn aros i gael eu hanfon");
  EXPECT_EQ(waiting(welsh(), 5000000000L), "5000000000 cais yn aros i gael eu hanfon");
}

TEST(Translator, UntranslatedWordsStayEnglish) {
  EXPECT_EQ(welsh().tr("Words nobody has translated"), "Words nobody has translated");
  EXPECT_EQ(welsh().catalogue("A service added yesterday"), "A service added yesterday");
  EXPECT_EQ(format(welsh().trn("{count} new thing", "{count} new things", 2), {{"count", "2"}}), "2 new things");
  // "" is the PO header's msgid: never give the header out as a translation.
  EXPECT_EQ(welsh().tr(""), "");
  EXPECT_EQ(welsh().catalogue(""), "");
}

TEST(Translator, WordingHookTranslatesInTheKioskDomain) {
  std::optional<Wording> wording;
  {
    const Translator scoped("cy", default_locale_dir(), "demo-council");
    wording = scoped.wording();
  }
  EXPECT_EQ((*wording)("Location"), "Lleoliad") << "the hook outlives its Translator";
  EXPECT_EQ(Translator().wording()("Location"), "Location");
}

TEST(Translator, SyncStatusInWelshAndEnglish) {
  SenderStatus snapshot;
  snapshot.configured = true;
  snapshot.online = true;
  snapshot.queued = 3;
  EXPECT_EQ(sync_status_text(snapshot), "3 requests waiting to send");
  EXPECT_EQ(sync_status_text(snapshot, welsh()), "3 chais yn aros i gael eu hanfon");
  snapshot.online = false;
  snapshot.queued = 2;
  EXPECT_EQ(sync_status_text(snapshot), "Offline: 2 requests will be sent later");
  EXPECT_EQ(sync_status_text(snapshot, welsh()), "All-lein: bydd 2 gais yn cael eu hanfon yn nes ymlaen");
  snapshot.queued = 0;
  EXPECT_EQ(sync_status_text(snapshot, welsh()), "All-lein");
}

TEST(Translator, MissingFileIsAClearError) {
  test_support::TempFolder folder;
  try {
    Translator("cy", folder.path(), "demo-council");
    FAIL() << "loaded Welsh from an empty folder";
  } catch (const TranslationError& error) {
    EXPECT_NE(std::string(error.what()).find(folder.path() + "/cy/LC_MESSAGES/oneservice.mo"), std::string::npos)
        << error.what();
  }
  // The kiosk's words alone are not enough: the catalogue would be English.
  copy_kiosk_file(folder.path());
  try {
    Translator("cy", folder.path(), "demo-council");
    FAIL() << "loaded Welsh without the council's file";
  } catch (const TranslationError& error) {
    EXPECT_NE(std::string(error.what()).find("demo-council.mo"), std::string::npos) << error.what();
  }
}

TEST(Translator, BrokenFileIsAClearError) {
  test_support::TempFolder folder;
  copy_kiosk_file(folder.path());
  std::ofstream(folder.path() + "/cy/LC_MESSAGES/demo-council.mo") << "msgid \"not compiled\"\nmsgstr \"\"\n";
  try {
    Translator("cy", folder.path(), "demo-council");
    FAIL() << "loaded a broken file";
  } catch (const TranslationError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("cannot read translation file"), std::string::npos) << message;
    EXPECT_NE(message.find("demo-council.mo"), std::string::npos) << message;
  }
}

TEST(Translator, LoadFallsBackToEnglishAndSaysWhy) {
  test_support::TempFolder folder;
  const auto loaded = load_translator("cy", folder.path(), "demo-council");
  EXPECT_EQ(loaded.translator.language(), "en");
  EXPECT_EQ(loaded.translator.tr("Online"), "Online");
  EXPECT_NE(loaded.problem.find("showing English"), std::string::npos) << loaded.problem;
  EXPECT_NE(loaded.problem.find("oneservice.mo"), std::string::npos) << loaded.problem;

  const auto good = load_translator("cy", default_locale_dir(), "demo-council");
  EXPECT_EQ(good.problem, "");
  EXPECT_EQ(good.translator.tr("Online"), "Ar-lein");
}

TEST(Translator, NamesCannotLeaveTheLocaleFolder) {
  EXPECT_THROW(Translator("../cy", default_locale_dir(), "demo-council"), TranslationError);
  EXPECT_THROW(Translator("cy", default_locale_dir(), "../demo-council"), TranslationError);
  EXPECT_THROW(Translator("", default_locale_dir(), "demo-council"), TranslationError);
}
