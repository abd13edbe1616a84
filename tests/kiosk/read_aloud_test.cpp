#include "kiosk/read_aloud.h"

#include <gtest/gtest.h>

#include <utility>

namespace oneservice::kiosk {
namespace {

// Says nothing; records what it was asked, and "speaks" until stopped.
class FakeSpeaker : public platform::Speaker {
 public:
  bool available() const override { return true; }
  bool say(const std::string& text, const std::string& language) override {
    said.emplace_back(text, language);
    talking = true;
    return true;
  }
  void stop() override { talking = false; }
  bool speaking() const override { return talking; }

  std::vector<std::pair<std::string, std::string>> said;
  bool talking = false;
};

TEST(SpeechText, MakesEachLineASentence) {
  EXPECT_EQ(speech_text({"Report a pothole", "Where is it?", "For example, outside number 4", "Road", "Pavement"}),
            "Report a pothole. Where is it? For example, outside number 4. Road. Pavement.");
}

TEST(SpeechText, KeepsPunctuationALineAlreadyHas) {
  EXPECT_EQ(speech_text({"Is it blocking the road?", "Yes!", "Choose one:", "Wait…", "No; not yet."}),
            "Is it blocking the road? Yes! Choose one: Wait… No; not yet.");
}

TEST(SpeechText, LooksInsideClosingQuotesAndBrackets) {
  EXPECT_EQ(speech_text({"Beth yw’r broblem?”", "(Say \"stop.\")", "Your phone number (optional)"}),
            "Beth yw’r broblem?” (Say \"stop.\") Your phone number (optional).");
}

TEST(SpeechText, TrimsLinesAndLeavesOutBlankOnes) {
  EXPECT_EQ(speech_text({"  Heading  ", "", "   ", "\tHint\n"}), "Heading. Hint.");
  EXPECT_EQ(speech_text({}), "");
}

TEST(ReadAloud, FirstPressSpeaksTheSecondStops) {
  FakeSpeaker speaker;
  ReadAloud read(speaker);
  read.page_shown("question:location");
  read.toggle("Where is it?", "en");
  ASSERT_EQ(speaker.said.size(), 1u);
  EXPECT_EQ(speaker.said[0], std::make_pair(std::string("Where is it?"), std::string("en")));
  EXPECT_TRUE(read.speaking());
  read.toggle("Where is it?", "en");
  EXPECT_FALSE(read.speaking());
  EXPECT_EQ(speaker.said.size(), 1u);
}

TEST(ReadAloud, PressingAfterSpeechEndedSpeaksAgain) {
  FakeSpeaker speaker;
  ReadAloud read(speaker);
  read.toggle("Ble mae e?", "cy");
  speaker.talking = false;  // the voice reached the end
  read.toggle("Ble mae e?", "cy");
  EXPECT_EQ(speaker.said.size(), 2u);
  EXPECT_TRUE(read.speaking());
}

TEST(ReadAloud, ChangingPageStopsSpeech) {
  FakeSpeaker speaker;
  ReadAloud read(speaker);
  read.page_shown("question:location");
  read.toggle("Where is it?", "en");
  read.page_shown("question:location");  // every frame of the same page
  EXPECT_TRUE(read.speaking());
  read.page_shown("check-answers");
  EXPECT_FALSE(read.speaking());
}

// With the real voice, in memory: the controller reaches eSpeak NG.
TEST(ReadAloud, SpeaksThroughEspeakInWelsh) {
  platform::Speech speech(platform::SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ReadAloud read(speech);
  read.toggle(speech_text({"Rhoi gwybod am dwll yn y ffordd", "Ble mae e?"}), "cy");
  EXPECT_FALSE(speech.samples().empty());
  EXPECT_EQ(speech.voice_language(), "cy");
}

}  // namespace
}  // namespace oneservice::kiosk
