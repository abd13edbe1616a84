#pragma once
// "Read this page aloud": one button that reads the page and, pressed
// again, stops. Speech also stops when the page changes, so the kiosk never
// goes on reading a page that is no longer on the screen.
#include <string>
#include <vector>

#include "platform/speech.h"

namespace oneservice::kiosk {

// The words read for a page: its heading, question, hint and choices in
// order, blank lines left out, each ending as a sentence (a full stop is
// added where a line has no closing punctuation) so the voice pauses
// between them instead of running a heading into a question.
std::string speech_text(const std::vector<std::string>& lines);

class ReadAloud {
 public:
  explicit ReadAloud(platform::Speaker& speaker) : speaker_(speaker) {}

  // Call every frame with a key naming the page on the screen (a screen and
  // question, say); speech stops when it changes.
  void page_shown(const std::string& page_key);
  // The button: speaks text in language ("en", "cy"), or stops if speaking.
  void toggle(const std::string& text, const std::string& language);
  bool speaking() const { return speaker_.speaking(); }
  // False on a kiosk with no sound: the button is then better not shown.
  bool available() const { return speaker_.available(); }

 private:
  platform::Speaker& speaker_;
  std::string page_key_;
};

}  // namespace oneservice::kiosk
