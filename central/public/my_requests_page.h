#pragma once
// Your requests: a resident signs in without a password, by a one-time link
// sent to their email address (30 minutes, single use, at most 3 an hour
// for an address and 10 an hour from one requester), and sees every
// request made with that address through any channel (kiosk, assisted,
// field, web) with its status and latest update. The page a visitor sees
// before proving the address says nothing about what it has: the "check
// your email" answer is the same for an address with requests and one
// without. The session is a cookie (HttpOnly, SameSite=Lax, under
// /my-requests only) for 2 hours.
#include <string>

#include "central/public/resident_cookie.h"
#include "central/public/visit.h"

namespace oneservice::central::public_pages {


Answer my_requests(const Site& site, const Visit& visit, const std::string& session_token);
// POST /my-requests/sign-in: `requester` is who asked (their IP address).
Answer ask_for_link(const Site& site, const Visit& visit, const std::string& typed, const std::string& requester);
// GET: a button (mail scanners open links; only a POST signs in).
Answer link_page(const Site& site, const Visit& visit, const std::string& token);
// POST: signs in and goes to the list, or says the link no longer works.
Answer use_link(const Site& site, const Visit& visit, const std::string& token);
Answer sign_out(const Site& site, const Visit& visit, const std::string& session_token);

}  // namespace oneservice::central::public_pages
