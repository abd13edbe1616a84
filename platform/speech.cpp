#include "platform/speech.h"

#include <SDL.h>
#include <espeak-ng/espeak_ng.h>

namespace oneservice::platform {
namespace {

// The Speech that owns eSpeak NG now, if any (see speech.h for why one).
std::atomic<Speech*> g_owner{nullptr};

std::string status_message(espeak_ng_STATUS status) {
  char text[256] = {};
  espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
  return text;
}

// eSpeak NG is started once per process and never terminated: with 1.51 a
// second espeak_ng_Initialize after espeak_ng_Terminate leaves it stuck (seen
// here: espeak_ng_Synchronize never returns). Each owner only sets the output
// mode and callback again. Initialising also sets LC_CTYPE to C.UTF-8 for the
// whole process (eSpeak NG needs it to classify letters); LC_NUMERIC, which
// number formatting reads, is left alone.
espeak_ng_STATUS start_engine() {
  static const espeak_ng_STATUS status = [] {
    espeak_ng_InitializePath(nullptr);  // Debian's espeak-ng-data, or $ESPEAK_DATA_PATH
    espeak_ng_ERROR_CONTEXT context = nullptr;
    const espeak_ng_STATUS result = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    return result;
  }();
  return status;
}

// The kiosk's languages as eSpeak NG names them. English is British
// English: plain "en" lets eSpeak NG choose, and it may choose American.
std::string voice_for(const std::string& language) { return language == "en" ? "en-gb" : language; }

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

// eSpeak NG's callback has no user pointer; it reaches the owner instead.
class SpeechCallback {
 public:
  static int receive(short* wav, int count, espeak_EVENT* events) {
    Speech* speech = g_owner.load();
    if (!speech) return 1;
    for (const espeak_EVENT* event = events; event && event->type != espeakEVENT_LIST_TERMINATED; ++event)
      if (event->type == espeakEVENT_MSG_TERMINATED) speech->synthesising_ = false;
    return speech->take(wav, count) ? 0 : 1;
  }
};

Speech::Speech(SpeechOutput output) : output_(output) {
  Speech* none = nullptr;
  if (!g_owner.compare_exchange_strong(none, this)) {
    fail("speech is already in use by another part of this program");
    return;
  }
  owner_ = true;
  if (const espeak_ng_STATUS status = start_engine(); status != ENS_OK) {
    fail("eSpeak NG cannot start: " + status_message(status));
    return;
  }
  sample_rate_ = espeak_ng_GetSampleRate();
  if (output_ == SpeechOutput::Device && !open_device()) return;
  // Device output uses eSpeak NG's retrieval mode (it synthesises on its
  // own thread and hands over the sound) rather than its own playback:
  // opening the sound device ourselves, through SDL like the rest of the
  // kiosk, tells us now whether there is one, where eSpeak NG's playback
  // opens it at the first utterance and, failing, reports nothing.
  const espeak_ng_OUTPUT_MODE retrieval{};  // no flags: asynchronous, sound handed to the callback
  const auto mode = output_ == SpeechOutput::Memory ? ENOUTPUT_MODE_SYNCHRONOUS : retrieval;
  if (const espeak_ng_STATUS status = espeak_ng_InitializeOutput(mode, 0, nullptr); status != ENS_OK) {
    fail("eSpeak NG cannot start: " + status_message(status));
    return;
  }
  espeak_SetSynthCallback(&SpeechCallback::receive);
  available_ = true;
}

Speech::~Speech() {
  stop();
  if (device_ != 0) SDL_CloseAudioDevice(device_);
  if (audio_subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  if (owner_) g_owner.store(nullptr);
}

bool Speech::fail(std::string reason) {
  available_ = false;
  last_error_ = std::move(reason);
  // Give eSpeak NG up at once, so a fallback (memory output when there is
  // no sound device) can be made while this one is still in scope.
  if (owner_) g_owner.store(nullptr);
  owner_ = false;
  return false;
}

bool Speech::open_device() {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return fail(std::string("no sound: ") + SDL_GetError());
  audio_subsystem_ = true;
  SDL_AudioSpec wanted{};
  wanted.freq = sample_rate_;
  wanted.format = AUDIO_S16SYS;
  wanted.channels = 1;
  wanted.samples = 1024;  // about 46 ms at 22050 Hz: stop() is heard at once
  SDL_AudioSpec obtained{};
  // No changes allowed: SDL converts eSpeak NG's 16-bit mono to whatever
  // the device wants.
  device_ = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
  if (device_ == 0) return fail(std::string("no sound device: ") + SDL_GetError());
  SDL_PauseAudioDevice(device_, 0);  // plays silence until something is queued
  return true;
}

bool Speech::say(const std::string& text, const std::string& language) {
  if (!available_) return false;  // last_error_ keeps the reason
  stop();
  samples_.clear();
  last_error_.clear();
  if (blank(text)) {
    last_error_ = "nothing to say";
    return false;
  }
  const std::string voice = voice_for(language);
  espeak_VOICE wanted{};
  wanted.languages = voice.c_str();
  if (espeak_ng_SetVoiceByProperties(&wanted) != ENS_OK) {
    last_error_ = "no voice for the language \"" + language + "\"";
    return false;
  }
  cancelled_ = false;
  synthesising_ = true;
  // Memory output returns when the utterance is done; Device output queues
  // it for eSpeak NG's thread and returns at once.
  const espeak_ng_STATUS status = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                       espeakCHARS_UTF8, nullptr, nullptr);
  if (output_ == SpeechOutput::Memory) synthesising_ = false;
  if (status != ENS_OK && status != ENS_SPEECH_STOPPED) {
    synthesising_ = false;
    last_error_ = "eSpeak NG cannot speak: " + status_message(status);
    return false;
  }
  return true;
}

void Speech::stop() {
  if (!available_) return;
  cancelled_ = true;  // the callback refuses more sound from here on
  if (output_ == SpeechOutput::Device) {
    // Returns once eSpeak NG's thread has stopped, so nothing is queued
    // after the queue is cleared.
    espeak_ng_Cancel();
    SDL_ClearQueuedAudio(device_);
  }
  synthesising_ = false;
}

bool Speech::speaking() const {
  if (synthesising_) return true;
  return output_ == SpeechOutput::Device && device_ != 0 && SDL_GetQueuedAudioSize(device_) > 0;
}

std::string Speech::voice_language() const {
  if (!available_) return {};
  const espeak_VOICE* voice = espeak_GetCurrentVoice();
  if (!voice || !voice->languages) return {};
  // As in espeak_ListVoices, the language comes after a priority byte.
  const char* language = voice->languages;
  while (*language != '\0' && static_cast<unsigned char>(*language) < ' ') ++language;
  return language;
}

bool Speech::take(const short* wav, int count) {
  if (cancelled_) return false;
  if (wav && count > 0) {
    if (output_ == SpeechOutput::Memory) {
      samples_.insert(samples_.end(), wav, wav + count);
      if (on_samples_) on_samples_(samples_.size());  // may call stop()
    } else {
      SDL_QueueAudio(device_, wav, static_cast<Uint32>(count) * sizeof(short));
    }
  }
  return !cancelled_;
}

}  // namespace oneservice::platform
