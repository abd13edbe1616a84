#pragma once
// Central's public face (issue 16): the pages a resident opens (track a
// request, what is being reported), open data and feeds, and the emails'
// unsubscribe links, on the same httplib server as Open311. HTML rendered
// here, no JavaScript; every page in English and Welsh.
#include <memory>
#include <string>

#include "central/case_store.h"
#include "central/i18n/translator.h"
#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/routing.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace oneservice::central::public_pages {

struct SiteOptions {
  // The council website's page to report a service, "{service_code}"
  // replaced; empty: no "report it" links.
  std::string report_url;
  // Where residents reach this server ("https://track.wealdshire.gov.uk"),
  // for the links in feeds and emails; empty: the request's Host.
  std::string public_url;
  bool https = false;  // the scheme of links made from the Host
  // The address of a proxy in front (deploy/nginx: 127.0.0.1) whose
  // X-Real-IP header names the resident; empty: the peer is the resident.
  std::string trusted_proxy;
};

struct Site {
  CaseStore& store;
  const Catalogue& catalogue;
  const Boundaries& boundaries;
  const i18n::Translators& translators;
  SiteOptions options;
  Clock clock;
};

void install_public_pages(httplib::Server& server, const Site& site);

}  // namespace oneservice::central::public_pages
