// format() and say(): the placeholder filling every translated message
// goes through, and the hook that is English when empty.
#include <gtest/gtest.h>

#include <stdexcept>

#include "shared/validation.h"
#include "shared/wording.h"

using namespace oneservice;

TEST(Wording, FillsNamedPlaceholders) {
  EXPECT_EQ(format("{label} must be between {min} and {max}", {{"label", "Depth"}, {"min", "1"}, {"max", "100"}}),
            "Depth must be between 1 and 100");
  EXPECT_EQ(format("{count} of {count}", {{"count", "3"}}), "3 of 3");
  EXPECT_EQ(format("No placeholders", {{"count", "3"}}), "No placeholders");
  EXPECT_EQ(format("", {}), "");
}

TEST(Wording, TranslationsMayReorderOrDropPlaceholders) {
  EXPECT_EQ(format("rhwng {min} a {max}: {label}", {{"label", "Dyfnder"}, {"min", "1"}, {"max", "100"}}),
            "rhwng 1 a 100: Dyfnder");
  EXPECT_EQ(format("Dim ceisiadau", {{"count", "0"}}), "Dim ceisiadau");
}

TEST(Wording, ValuesAreNeverScannedAgain) {
  EXPECT_EQ(format("{a} {b}", {{"a", "{b}"}, {"b", "x"}}), "{b} x");
  EXPECT_EQ(format("Remove \"{code}\"", {{"code", "{code}"}}), "Remove \"{code}\"");
}

TEST(Wording, UnknownOrBrokenBracesStayAsWritten) {
  EXPECT_EQ(format("{unknown} and {label}", {{"label", "L"}}), "{unknown} and L");
  EXPECT_EQ(format("{{label}}", {{"label", "L"}}), "{L}");
  EXPECT_EQ(format("open { only", {{"label", "L"}}), "open { only");
  EXPECT_EQ(format("close } only {label", {{"label", "L"}}), "close } only {label");
  EXPECT_EQ(format("{}", {{"", "empty"}}), "empty");
}

TEST(Wording, SayUsesTheHookOrTheEnglish) {
  EXPECT_EQ(say(Wording::english(), "Location"), "Location");
  const Wording shout([](const std::string& msgid) { return msgid + "!"; });
  EXPECT_EQ(say(shout, "Location"), "Location!");
  // English is chosen by name: an empty hook is refused, not taken as English.
  EXPECT_THROW(Wording(Wording::Hook{}), std::invalid_argument);
}

// Validation asks the hook for its template, then fills in the catalogue's
// words: the hook never sees (or has to translate) a council's label.
TEST(Wording, ValidationFillsTheHooksWords) {
  Attribute a;
  a.code = "depth";
  a.datatype = Datatype::Number;
  a.required = true;
  a.summary = "Dyfnder";
  a.error_noun = "ddyfnder y twll";
  a.min = 1;
  a.max = 1000;
  std::vector<std::string> asked;
  const Wording welsh([&](const std::string& msgid) {
    asked.push_back(msgid);
    if (msgid == "Enter {noun}") return std::string("Rhowch {noun}");
    if (msgid == "{label} must be between {min} and {max}") return std::string("{label}: rhwng {min} a {max}");
    return msgid;
  });
  EXPECT_EQ(validate_answer(a, nullptr, {}, welsh).front().message, "Rhowch ddyfnder y twll");
  const AnswerValue too_big = std::string("5000");
  EXPECT_EQ(validate_answer(a, &too_big, {}, welsh).front().message, "Dyfnder: rhwng 1 a 1,000");
  EXPECT_EQ(asked, (std::vector<std::string>{"Enter {noun}", "{label} must be between {min} and {max}"}));
}
