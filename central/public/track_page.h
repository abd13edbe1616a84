#pragma once
// Track a request: the page the kiosk's QR code opens. Found by the
// reference the resident was given (the device's, OS-5BCJ-N6Z1) or the
// council's id; shows the reference, service, status in plain words, every
// public update with its date, who deals with it and how to reach them.
// Never the resident's name, contact details, answers, description,
// address or photos.
#include <string>

#include "central/public/visit.h"

namespace oneservice::central::public_pages {

// GET /track and GET /track?ref=...: the form, or the case for what was typed.
Answer track_search(const Site& site, const Visit& visit, const std::string& typed, bool asked);
// GET /track/{reference}: the QR code's address.
Answer track_reference(const Site& site, const Visit& visit, const std::string& typed);

}  // namespace oneservice::central::public_pages
