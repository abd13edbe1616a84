// eSpeak NG speech: in memory (what the words sound like, and when they
// stop) and on SDL's sound devices (never blocks, never fails without a reason).
#include "platform/speech.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace oneservice::platform {
namespace {

const std::string kShort = "Report a pothole.";
const std::string kLong =
    "Report a pothole. Tell us where it is, how big it is, and whether it is in the road or on the pavement. "
    "The council will look at it within five working days.";

bool audible(const std::vector<std::int16_t>& samples) {
  return std::any_of(samples.begin(), samples.end(), [](std::int16_t sample) { return std::abs(sample) > 1000; });
}

TEST(SpeechInMemory, EnglishTextProducesSound) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  EXPECT_TRUE(speech.say(kShort, "en"));
  EXPECT_GT(speech.samples().size(), static_cast<std::size_t>(speech.sample_rate() / 2));  // over half a second
  EXPECT_TRUE(audible(speech.samples()));
  EXPECT_EQ(speech.voice_language(), "en-gb");
  EXPECT_FALSE(speech.speaking());  // memory output is done when say() returns
}

TEST(SpeechInMemory, WelshUsesTheWelshVoice) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  EXPECT_TRUE(speech.say("Rhoi gwybod am dwll yn y ffordd. Ble mae e?", "cy"));
  EXPECT_EQ(speech.voice_language(), "cy");
  EXPECT_TRUE(audible(speech.samples()));
  EXPECT_TRUE(speech.say(kShort, "en"));  // and back again
  EXPECT_EQ(speech.voice_language(), "en-gb");
}

TEST(SpeechInMemory, LongerTextTakesLonger) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ASSERT_TRUE(speech.say(kShort, "en"));
  const std::size_t short_samples = speech.samples().size();
  ASSERT_TRUE(speech.say(kLong, "en"));
  EXPECT_GT(speech.samples().size(), short_samples * 3);
}

TEST(SpeechInMemory, StopEndsSynthesisPartWay) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ASSERT_TRUE(speech.say(kLong, "en"));
  const std::size_t whole = speech.samples().size();
  int blocks = 0;
  speech.on_samples([&](std::size_t) {
    if (++blocks == 2) speech.stop();  // as if the page changed while it spoke
  });
  EXPECT_TRUE(speech.say(kLong, "en"));
  EXPECT_EQ(blocks, 2);
  EXPECT_LT(speech.samples().size(), whole / 4);
  EXPECT_FALSE(speech.speaking());
  speech.on_samples({});
  ASSERT_TRUE(speech.say(kLong, "en"));  // a stop does not spoil the next utterance
  EXPECT_GT(speech.samples().size(), whole * 99 / 100);
}

TEST(SpeechInMemory, EmptyTextSaysNothing) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ASSERT_TRUE(speech.say(kShort, "en"));
  EXPECT_FALSE(speech.say("", "en"));
  EXPECT_TRUE(speech.samples().empty());
  EXPECT_FALSE(speech.say(" \n\t", "cy"));
  EXPECT_TRUE(speech.samples().empty());
  EXPECT_EQ(speech.last_error(), "nothing to say");
}

TEST(SpeechInMemory, UnknownLanguageSaysNothingAndSaysWhy) {
  Speech speech(SpeechOutput::Memory);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  EXPECT_FALSE(speech.say(kShort, "zz-nowhere"));
  EXPECT_TRUE(speech.samples().empty());
  EXPECT_NE(speech.last_error().find("zz-nowhere"), std::string::npos) << speech.last_error();
  EXPECT_TRUE(speech.say(kShort, "en"));
  EXPECT_TRUE(speech.last_error().empty());
}

TEST(SpeechInMemory, OnlyOneOwnerAtATime) {
  auto first = std::make_unique<Speech>(SpeechOutput::Memory);
  ASSERT_TRUE(first->available()) << first->last_error();
  {
    Speech second(SpeechOutput::Memory);
    EXPECT_FALSE(second.available());
    EXPECT_NE(second.last_error().find("already in use"), std::string::npos) << second.last_error();
    EXPECT_FALSE(second.say(kShort, "cy"));
  }
  EXPECT_TRUE(first->say(kShort, "en"));  // the refused one changed nothing
  EXPECT_EQ(first->voice_language(), "en-gb");
  first.reset();
  Speech third(SpeechOutput::Memory);
  EXPECT_TRUE(third.available()) << third.last_error();
  EXPECT_TRUE(third.say(kShort, "en"));
}

// SDL_AUDIODRIVER is read when SDL's audio starts: each test picks one.
class SpeechOnDevice : public ::testing::Test {
 protected:
  void use_driver(const char* driver) { setenv("SDL_AUDIODRIVER", driver, 1); }
  void TearDown() override { unsetenv("SDL_AUDIODRIVER"); }
};

TEST_F(SpeechOnDevice, WithoutASoundDeviceIsUnavailableAndSaysWhy) {
  use_driver("no-such-driver");
  Speech speech(SpeechOutput::Device);
  EXPECT_FALSE(speech.available());
  EXPECT_NE(speech.last_error().find("no sound"), std::string::npos) << speech.last_error();
  EXPECT_FALSE(speech.say(kShort, "en"));
  EXPECT_FALSE(speech.speaking());
  speech.stop();  // harmless
  // The device is what failed, not eSpeak NG: memory output still works.
  Speech memory(SpeechOutput::Memory);
  EXPECT_TRUE(memory.say(kShort, "en")) << memory.last_error();
}

// SDL's dummy driver plays into nothing, in real time.
TEST_F(SpeechOnDevice, SpeaksInTheBackgroundUntilStopped) {
  use_driver("dummy");
  Speech speech(SpeechOutput::Device);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ASSERT_TRUE(speech.say(kLong, "en"));  // about ten seconds of speech: say() returns before
  EXPECT_TRUE(speech.speaking());
  speech.stop();
  EXPECT_FALSE(speech.speaking());
}

TEST_F(SpeechOnDevice, StopsSpeakingAtTheEnd) {
  use_driver("dummy");
  Speech speech(SpeechOutput::Device);
  ASSERT_TRUE(speech.available()) << speech.last_error();
  ASSERT_TRUE(speech.say("Yes.", "cy"));
  // A bound on waiting for the audio thread, not a measure of speed.
  for (int waited = 0; speech.speaking() && waited < 10000; waited += 20) SDL_Delay(20);
  EXPECT_FALSE(speech.speaking());
}

}  // namespace
}  // namespace oneservice::platform
