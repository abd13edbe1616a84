#pragma once
// What a printed receipt says, already worded: the assisted mode's app puts
// every line through its translator (English or Welsh) and hands them here,
// so the receipt library never makes up a sentence a person reads. There is
// no field for a resident's answers, name, email or phone: a receipt holds
// only what the council says back (issue 14: "no answers or contact details
// on the paper beyond what the resident asked for").
#include <string>
#include <vector>

namespace oneservice::receipt {

// A heading with paragraphs under it; each paragraph wraps to the paper.
// A section with no heading and no lines is left out.
struct ReceiptSection {
  std::string heading;             // "What happens next"
  std::vector<std::string> lines;  // "We aim to look at it within 5 working days."
};

struct ReceiptText {
  // BCP 47 tag of the words below ("en", "cy"): how Pango breaks lines.
  // Never printed.
  std::string language = "en";

  std::string council_name;       // required: the receipt's first line
  std::string title;              // "Your report has been sent"; optional
  std::string reference_heading;  // "Your reference"
  std::string reference;          // required: printed large, on one line

  ReceiptSection what_was_asked;      // "What you asked for" / the service's name
  ReceiptSection what_happens_next;   // the council's next step, in plain words
  ReceiptSection who_deals_with_it;   // the body and its contact, as the council publishes them

  // The tracking page: heading and lines ("Scan the code with your phone's
  // camera, or go to:") beside a QR code of tracking_url, which is printed
  // in words under them too. Left out when tracking_url is empty.
  ReceiptSection tracking;
  std::string tracking_url;

  std::string footer;  // small last line ("Printed at Ashcombe Library, 8 December 2026"); optional
};

}  // namespace oneservice::receipt
