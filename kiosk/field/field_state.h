#pragma once
// Field mode's state, as plain data: which screen shows, what the sign-in
// forms hold, the report being made (the kiosk's own Journey, so the same
// questions, validation and routing), and the GPS panel's averaging. One
// officer's everything is in here or in the desk's reads: locking or
// signing out replaces it with a fresh FieldState.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/field/field_desk.h"
#include "kiosk/journey.h"
#include "platform/gps/fix_rules.h"
#include "shared/clock.h"
#include "shared/validation.h"

namespace oneservice::kiosk::field {

// SignIn (online) and Pin (offline) until someone signs in; then Home and
// what it opens. Report draws the journey's pages (Journey::page).
enum class FieldView { SignIn, Pin, Home, ChooseService, Report, Duplicates, Sent, Drafts, Sync, Jobs, Job };

struct SignInForm {
  std::string name, secret, pin, pin_again;
  std::vector<FieldError> errors;  // field: "name", "secret", "pin", "pin_again"
  int reveal_frames = 0;           // the error summary brought into view (ui::reveal_here)
};

struct PinForm {
  std::string name;  // chosen from the officers who may use a PIN here
  std::string pin;
  std::vector<FieldError> errors;  // field: "pin"
  int reveal_frames = 0;
};

// "Average for 5 seconds": the fixes gathered since it started.
struct GpsAveraging {
  std::optional<TimePoint> started;
  gps::FixAverager averager{gps::FixAverager::kDefaultWindow};
  std::optional<TimePoint> last_added;  // the fix last given to it (one fix is drawn many frames)
  bool last_failed = false;             // the last average was not good enough
};

// The Job page's update form, kept until "Send update" or leaving the job.
struct JobForm {
  std::string job_id;
  std::string status;  // empty: no change
  std::string public_note, private_note;
  std::vector<ReportPhoto> photos;
  bool adding_photos = false;  // the camera and import are open
  bool queued = false;         // the last one was saved on the tablet
  std::string problem;         // the store refused it
};

struct FieldState {
  FieldView view = FieldView::SignIn;
  SignInForm sign_in;
  PinForm pin;
  Journey journey;
  GpsAveraging averaging;
  // The photos page: a problem worded in the officer's language, whether
  // the location was just taken from a photo, and the import list open.
  std::string photo_trouble;
  bool photo_notice = false;
  bool choosing_import = false;
  std::string sent_reference;      // the Sent page's reference (or the case joined)
  bool joined = false;             // the Sent page: added to an existing case
  std::vector<NearbyCase> nearby;  // the Duplicates page: what the report might be
  // One line Home shows after an action ("Saved as a draft"), in English
  // msgid form so it is worded in the language of the moment.
  const char* notice = nullptr;
  std::string save_problem;               // the store refused a save: for the page that tried
  std::optional<BatchResult> last_batch;  // the Drafts page, after Send all
  JobForm job;
  TimePoint last_touch{};
};

}  // namespace oneservice::kiosk::field
