#!/usr/bin/perl
# A small Open311 client of our own (not FixMyStreet's code) that builds its
# requests with the same library calls FixMyStreet's perllib/Open311.pm
# makes: HTTP::Request::Common's POST with a hash of parameters (arrays
# become repeated names), or form-data with uploads (arrays flattened into
# repeated names first), and XML::Simple with FixMyStreet's ForceArray and
# GroupTags settings to read the answers. It prints what it read, one
# "name=value" a line, for tests/central/perl_client_test.cpp.
#
# Usage: open311_client.pl BASE_URL API_KEY    (BASE_URL ends in /open311/v2)
use strict;
use warnings;
use Encode qw(encode);
use File::Temp qw(tempfile);
use HTTP::Request::Common;
use LWP::UserAgent;
use XML::Simple;

my ($base, $key) = @ARGV;
die "usage: $0 BASE_URL API_KEY\n" unless $base && $key;
my $ua = LWP::UserAgent->new(timeout => 60);

sub xml_object {
    my $xml = shift;
    my $group_tags = {
        services => 'service', attributes => 'attribute', values => 'value',
        service_requests => 'request', errors => 'error',
        service_request_updates => 'request_update', groups => 'group',
    };
    my $simple = XML::Simple->new(
        ForceArray => [ values %$group_tags ], KeyAttr => {},
        GroupTags => $group_tags, SuppressEmpty => undef,
    );
    return eval { $simple->parse_string($xml) };
}

sub encoded {
    my $params = shift;
    return { map {
        my $v = $params->{$_};
        $_ => ref $v eq 'ARRAY' ? [ map { encode('UTF-8', $_) } @$v ] : encode('UTF-8', $v)
    } keys %$params };
}

sub post {
    my ($path, $params, $uploads) = @_;
    $params = encoded($params);
    $params->{api_key} = $key unless exists $params->{api_key};
    my $req;
    if ($uploads && %$uploads) {
        my @flattened;
        for my $name (keys %$params) {
            next unless ref $params->{$name} eq 'ARRAY';
            push @flattened, ($name => $_) for @{ $params->{$name} };
            delete $params->{$name};
        }
        $req = POST "$base/$path", Content_Type => 'form-data', Content => [ %$params, @flattened, %$uploads ];
    } else {
        $req = POST "$base/$path", $params;
    }
    my $res = $ua->request($req);
    return ($res->code, xml_object($res->decoded_content));
}

sub say_value {
    my ($name, $value) = @_;
    $value = '' unless defined $value;
    $value = 'REF' if ref $value;
    print "$name=$value\n";
}

my $jpeg = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00";

# A report with an extended description around a 4,000-letter Welsh detail,
# multi_photos links and a multi-answer question as an array.
my $detail = "\x{175}" x 4000;
my ($code, $obj) = post('requests.xml', {
    jurisdiction_id => 'wealdshire',
    service_code => 'speeding_traffic',
    description => "title: Cars race past the school\n\ndetail: $detail\n\nurl: https://fms.example/report/1\n\nSubmitted via FixMyStreet\n",
    first_name => 'Ann', last_name => 'Example', email => 'ann.example@example.org',
    lat => '51.200000', long => '-1.820000',
    media_url => [ 'https://fms.example/photo/1.0.full.jpeg', 'https://fms.example/photo/1.1.full.jpeg' ],
    'attribute[speed_limit]' => '30', 'attribute[road_type]' => 'village', 'attribute[speedwatch]' => 'yes',
    'attribute[time_of_day]' => [ 'morning_rush', 'night' ],
    'attribute[last_seen]' => '2026-11-20T08:15:00Z',
});
say_value('report1.status', $code);
my $report = $obj ? $obj->{request}->[0]->{service_request_id} : undef;
say_value('report1.id', $report);

# upload_files: photos as photo1, photo2, and an enquiry file that is not one.
my ($fh, $enquiry) = tempfile(UNLINK => 1);
print $fh "%PDF-1.4 not a photo";
close $fh;
($code, $obj) = post('requests.xml', {
    service_code => 'pothole', description => 'Deep hole by the bus stop',
    first_name => 'Ann', last_name => 'Example', lat => '51.2', long => '-1.82',
    media_url => [ 'https://fms.example/photo/2.0.full.jpeg' ],
    'attribute[road_or_pavement]' => 'road', 'attribute[pothole_size]' => 'about_plate', 'attribute[depth_cm]' => '7',
}, {
    file_abc => [ $enquiry, 'Letter.pdf' ],
    photo1 => [ undef, '2.0.full.jpeg', Content_Type => 'image/jpeg', Content => $jpeg . 'one' ],
    photo2 => [ undef, '2.1.full.jpeg', Content_Type => 'image/jpeg', Content => $jpeg . 'two' ],
});
say_value('report2.status', $code);
say_value('report2.id', $obj ? $obj->{request}->[0]->{service_request_id} : undef);

# A resident's comment back on the first report, sent twice.
my %comment = (
    jurisdiction_id => 'wealdshire',
    updated_datetime => '2026-11-22T14:05:00+01:00',
    service_request_id => $report, status => 'REOPEN',
    description => 'Still happening every morning.',
    last_name => 'Example', first_name => 'Ann', email => 'ann.example@example.org',
    update_id => '4501',
    media_url => [ 'https://fms.example/photo/c/4501.0.full.jpeg', 'https://fms.example/photo/c/4501.1.full.jpeg' ],
);
for my $n (1, 2) {
    ($code, $obj) = post('servicerequestupdates.xml', { %comment });
    say_value("update$n.status", $code);
    say_value("update$n.id", $obj ? $obj->{request_update}->[0]->{update_id} : undef);
}

# upload_files_for_updates: the photo as photo1, media_url deleted.
my %with_photo = (%comment, update_id => '4502', status => 'INVESTIGATING', description => 'Photo attached.');
delete $with_photo{media_url};
($code, $obj) = post('servicerequestupdates.xml', \%with_photo, {
    photo1 => [ undef, '4502.0.full.jpeg', Content_Type => 'image/jpeg', Content => $jpeg . 'comment' ],
});
say_value('update3.status', $code);
say_value('update3.id', $obj ? $obj->{request_update}->[0]->{update_id} : undef);

# An error as _process_error reads it.
($code, $obj) = post('servicerequestupdates.xml', { %comment, api_key => 'not-a-key', update_id => '4503' });
say_value('error.status', $code);
say_value('error.code', $obj ? $obj->{error}->[0]->{code} : undef);
say_value('error.description', $obj ? $obj->{error}->[0]->{description} : undef);
