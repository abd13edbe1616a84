// Central's own words (domain oneservice-central): the template in step
// with the sources, and every language's PO file fully translated, none
// fuzzy, so no public page or email shows an English sentence in Welsh.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support.h"

namespace {

const std::string kRoot = ONESERVICE_SOURCE_DIR;

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "popen failed";
  char buffer[4096];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

std::set<std::string> msgids(const std::string& po) {
  // msgcat --no-wrap gives one line per msgid.
  std::istringstream lines(run("msgcat --no-wrap --no-location '" + po + "'"));
  std::set<std::string> out;
  std::string line;
  while (std::getline(lines, line))
    if (line.rfind("msgid ", 0) == 0 && line != "msgid \"\"") out.insert(line);
  return out;
}

TEST(CentralTranslations, TheTemplateHoldsExactlyTheWordsTheSourcesMark) {
  oneservice::central::test::TempFolder folder;
  const auto made = folder.path() + "/made.pot";
  run("'" + kRoot + "/scripts/update-central-translations.sh' --pot '" + made + "'");
  ASSERT_TRUE(std::filesystem::exists(made));
  EXPECT_EQ(msgids(made), msgids(kRoot + "/central/i18n/po/oneservice-central.pot"))
      << "run scripts/update-central-translations.sh and translate what it adds";
}

TEST(CentralTranslations, EveryLanguageIsFullyTranslatedAndNothingIsFuzzy) {
  int languages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/central/i18n/po")) {
    if (entry.path().extension() != ".po") continue;
    ++languages;
    const auto po = entry.path().string();
    EXPECT_EQ(msgids(po), msgids(kRoot + "/central/i18n/po/oneservice-central.pot")) << po << " is merged";
    EXPECT_EQ(run("msgattrib --untranslated --no-wrap '" + po + "' | grep -c '^msgid' || true"), "0\n") << po;
    EXPECT_EQ(run("msgattrib --only-fuzzy --no-wrap '" + po + "' | grep -c '^msgid' || true"), "0\n") << po;
  }
  EXPECT_GE(languages, 1);
}

}  // namespace
