#pragma once
// Speech for "Read this page aloud": ImGui has no accessibility tree, so
// screen readers see nothing and the kiosk has to speak for itself. eSpeak
// NG makes the sound (Debian's espeak-ng-data has English and Welsh voices).
//
// Only one Speech may own eSpeak NG at a time. The library keeps all its
// state in globals (the voice, the output mode, the callback that receives
// the sound, a synthesis thread), so two owners would change each other's
// voice and steal each other's sound. A second Speech made while one is
// alive reports available() == false and says nothing.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace oneservice::platform {

// What a read-aloud control needs from a voice; kiosk tests put a fake behind it.
class Speaker {
 public:
  virtual ~Speaker() = default;
  virtual bool available() const = 0;
  // Stops whatever is being said and starts saying text (UTF-8) in language
  // ("en", "cy"). Returns false when nothing will be said.
  virtual bool say(const std::string& text, const std::string& language) = 0;
  // Silences speech at once.
  virtual void stop() = 0;
  virtual bool speaking() const = 0;
};

enum class SpeechOutput {
  // The sound device, through SDL audio. say() returns at once: eSpeak NG
  // synthesises on its own thread and SDL plays what it queues.
  Device,
  // Into memory, on the caller's thread (say() returns when done): for tests.
  Memory,
};

class Speech final : public Speaker {
 public:
  explicit Speech(SpeechOutput output = SpeechOutput::Device);
  ~Speech() override;
  Speech(const Speech&) = delete;
  Speech& operator=(const Speech&) = delete;

  // False when there is no sound device (headless machines, CI), eSpeak NG
  // cannot start, or another Speech owns it; last_error() says which.
  bool available() const override { return available_; }
  bool say(const std::string& text, const std::string& language) override;
  void stop() override;
  bool speaking() const override;

  // Why the last say() or the constructor failed; empty when they did not.
  const std::string& last_error() const { return last_error_; }
  // The language of the voice eSpeak NG has selected now ("en-gb", "cy").
  std::string voice_language() const;

  // Memory output: the samples of the last utterance (16-bit mono at
  // sample_rate()), and a hook called after each block is added, with the
  // count so far (tests stop speech part-way from it).
  const std::vector<std::int16_t>& samples() const { return samples_; }
  int sample_rate() const { return sample_rate_; }
  void on_samples(std::function<void(std::size_t)> hook) { on_samples_ = std::move(hook); }

 private:
  friend class SpeechCallback;  // eSpeak NG's sound callback, in speech.cpp
  // Takes a block of sound; false when synthesis should stop.
  bool take(const short* wav, int count);
  bool open_device();
  bool fail(std::string reason);

  SpeechOutput output_;
  bool owner_ = false;
  bool available_ = false;
  bool audio_subsystem_ = false;
  std::uint32_t device_ = 0;  // SDL_AudioDeviceID
  int sample_rate_ = 0;
  std::string last_error_;
  // Written by eSpeak NG's thread in Device output.
  std::atomic<bool> synthesising_{false};
  std::atomic<bool> cancelled_{false};
  std::vector<std::int16_t> samples_;
  std::function<void(std::size_t)> on_samples_;
};

}  // namespace oneservice::platform
