// gzip input (multi-member, whole-file, damaged members) and in-memory body decoding
// (gzip, deflate, brotli) with the inflated-size cap.
#include "dates.hpp"
#include "errors.hpp"
#include "sources/buffered_input.hpp"
#include "sources/gzip_reader.hpp"
#include "sources/http_response.hpp"

#include <brotli/encode.h>
#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace morgue;

namespace {

// A gzip member (or zlib / raw deflate stream with other window bits).
std::string deflate_with(std::string_view in, int window_bits) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&zs, in.size()) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string gz(std::string_view in) {
    return deflate_with(in, 15 + 16);
}

std::FILE* memfile(const std::string& bytes) {
    std::FILE* f = std::tmpfile();
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::rewind(f);
    return f;
}

// The bytes through a pipe, which cannot seek (stdin, a fifo).
std::FILE* pipefile(const std::string& bytes) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::thread([fd = fds[1], bytes] {
        std::size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }).detach();
    return ::fdopen(fds[0], "rb");
}

// Reads everything, resuming after each damage; returns the text and the damages.
std::string drain(ByteInput& in, std::vector<Damage>& damages) {
    std::string out;
    char buf[7]; // tiny reads exercise the member and chunk boundaries
    for (;;) {
        std::size_t n = in.read(buf, sizeof buf);
        if (n > 0) {
            out.append(buf, n);
            continue;
        }
        if (!in.damage()) break;
        damages.push_back(*in.damage());
        in.resume();
    }
    return out;
}

} // namespace

TEST_CASE("gzip input reads every member of a multi-member file") {
    std::string a = gz("first member\n"), b = gz("second member\n"), c = gz("third\n");
    auto in = make_gzip_input(memfile(a + b + c));
    std::vector<Damage> damages;
    CHECK(drain(*in, damages) == "first member\nsecond member\nthird\n");
    CHECK(damages.empty());
    CHECK(in->consumed() == a.size() + b.size() + c.size());
    // Where each byte came from: member offset and offset inside it.
    CHECK(in->locate(0).member == 0);
    CHECK(in->locate(13).member == a.size());
    CHECK(in->locate(13).within == 0);
    CHECK(in->locate(15).within == 2);
}

TEST_CASE("gzip input resynchronises after a member cut short or junk between members") {
    std::string a = gz("alpha line\n"), b = gz("bravo line that will be cut\n"),
                c = gz("charlie line\n"), d = gz("delta line\n");
    std::string cut = b.substr(0, b.size() / 2);
    std::string bytes = a + cut + c + "JUNK JUNK" + d;
    bool through_pipe = GENERATE(false, true);
    INFO("through a pipe: " << through_pipe);
    auto in = make_gzip_input(through_pipe ? pipefile(bytes) : memfile(bytes));
    std::vector<Damage> damages;
    std::string text = drain(*in, damages);
    CHECK(text.rfind("alpha line\n", 0) == 0);
    CHECK(text.find("charlie line\n") != std::string::npos);
    CHECK(text.size() >= 11 + 13 + 11);
    CHECK(text.substr(text.size() - 11) == "delta line\n");
    REQUIRE(damages.size() == 2);
    CHECK(damages[0].offset == a.size());                         // the cut member
    CHECK(damages[1].offset == a.size() + cut.size() + c.size()); // where the junk starts
    CHECK(damages[1].reason == "data after a gzip member is not gzip");
}

TEST_CASE("gzip input reports a member truncated at the end of the file") {
    std::string a = gz("whole\n"), b = gz("this one ends early\n");
    auto in = make_gzip_input(memfile(a + b.substr(0, b.size() - 5)));
    std::vector<Damage> damages;
    std::string text = drain(*in, damages);
    CHECK(text.rfind("whole\n", 0) == 0);
    REQUIRE(damages.size() == 1);
    CHECK(damages[0].reason == "truncated gzip member");
    CHECK(damages[0].offset == a.size());
}

TEST_CASE("open_input sniffs gzip by its magic, not its name") {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("morgue_sniff_" + std::to_string(::getpid()) + ".dat"))
                           .string();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        std::string data = gz("sniffed\n");
        std::fwrite(data.data(), 1, data.size(), f);
        std::fclose(f);
    }
    BufferedInput in(open_input(path));
    std::string line;
    bool too_long = false;
    REQUIRE(in.read_line(line, 100, too_long));
    CHECK(line == "sniffed\n");
    CHECK(in.compressed());
    std::remove(path.c_str());
}

TEST_CASE("buffered input cuts overlong lines and can push bytes back") {
    std::string text = "short\n" + std::string(1000, 'x') + "\nafter\n";
    BufferedInput in(make_plain_input(memfile(text)));
    std::string line;
    bool too_long = false;
    REQUIRE(in.read_line(line, 100, too_long));
    CHECK(line == "short\n");
    CHECK(!too_long);
    REQUIRE(in.read_line(line, 100, too_long));
    CHECK(too_long);
    CHECK(line == std::string(100, 'x'));
    std::uint64_t pos = in.position();
    REQUIRE(in.read_line(line, 100, too_long));
    CHECK(line == "after\n");
    in.unread(line);
    CHECK(in.position() == pos);
    REQUIRE(in.read_line(line, 100, too_long));
    CHECK(line == "after\n");
    CHECK(!in.read_line(line, 100, too_long));
}

TEST_CASE("HTTP bodies: gzip, deflate (zlib and raw), brotli, and the size cap") {
    std::string page = "<html><body>" + std::string(5000, 'a') + "</body></html>";
    CHECK(inflate_bytes(gz(page), Coding::Gzip, 1 << 20) == page);
    CHECK(inflate_bytes(deflate_with(page, 15), Coding::Deflate, 1 << 20) == page);
    CHECK(inflate_bytes(deflate_with(page, -15), Coding::Deflate, 1 << 20) == page);
    std::string br(BrotliEncoderMaxCompressedSize(page.size()), '\0');
    std::size_t br_size = br.size();
    REQUIRE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                  page.size(), reinterpret_cast<const std::uint8_t*>(page.data()),
                                  &br_size, reinterpret_cast<std::uint8_t*>(br.data())));
    br.resize(br_size);
    CHECK(inflate_bytes(br, Coding::Brotli, 1 << 20) == page);
    // A small body that inflates far past the cap is refused, not inflated.
    std::string bomb = gz(std::string(10 << 20, '\0'));
    CHECK(bomb.size() < 20000);
    CHECK_THROWS_WITH(inflate_bytes(bomb, Coding::Gzip, 1 << 20),
                      Catch::StartsWith("content inflates past --max-record-size"));
    CHECK_THROWS_AS(inflate_bytes(br, Coding::Brotli, 100), RecordError);
    CHECK_THROWS_WITH(inflate_bytes(gz(page).substr(0, 40), Coding::Gzip, 1 << 20),
                      "truncated compressed content");
    CHECK_THROWS_AS(inflate_bytes("not compressed at all", Coding::Deflate, 1 << 20), RecordError);
}

TEST_CASE("HTTP responses: status, headers, chunked, content coding, charset") {
    std::string payload = "HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"ISO-8859-1\"\r\n"
                          "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n";
    std::string body = gz("<p>caf\xe9</p>");
    char size[16];
    std::snprintf(size, sizeof size, "%zx;ext=1\r\n", body.size());
    payload += size + body + "\r\n0\r\n\r\n";
    HttpResponse h = parse_http_head(payload);
    CHECK(h.status == 200);
    CHECK(h.header("content-type") == "text/html; Charset=\"ISO-8859-1\"");
    CHECK(charset_of(h.header("Content-Type")) == "iso-8859-1");
    CHECK(media_type_of(h.header("Content-Type")) == "text/html");
    CHECK(decode_http_body(h, payload, 1 << 20) == "<p>caf\xe9</p>");

    CHECK(parse_http_head("HTTP/1.0 404 Not Found\n\nbody").status == 404);
    CHECK(parse_http_head("HTTP/2 301\r\nLocation: /x\r\n\r\n").header("location") == "/x");
    CHECK_THROWS_WITH(parse_http_head("GET / HTTP/1.1\r\n\r\n"),
                      "WARC response is not an HTTP response");
    CHECK_THROWS_WITH(parse_http_head("HTTP/1.1 abc\r\n\r\n"), "bad HTTP status line");
    CHECK_THROWS_WITH(parse_http_head("HTTP/1.1 200 OK\r\nX: y"),
                      "HTTP headers do not end (truncated response)");
    CHECK(dechunk("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 100) == "hello world");
    CHECK(dechunk("5\r\nhello\r\n6\r\n wo", 100) == "hello wo"); // truncated capture
    CHECK_THROWS_WITH(dechunk("zz\r\nhello\r\n", 100), "bad chunked transfer coding");
    HttpResponse br = parse_http_head("HTTP/1.1 200 OK\r\nContent-Encoding: compress\r\n\r\nx");
    // A coding we cannot undo leaves the bytes as they are: the parser judges them.
    CHECK(decode_http_body(br, "HTTP/1.1 200 OK\r\nContent-Encoding: compress\r\n\r\nx", 100) ==
          "x");
}

TEST_CASE("HTTP bodies: a coding that lies keeps the bytes; a cut body keeps what arrived") {
    std::string page = "<html><body><p>The quay reopens on Monday after repairs.</p></body></html>";
    auto body_of = [&](const std::string& headers, const std::string& body, bool* cut) {
        std::string payload = "HTTP/1.1 200 OK\n" + headers + "\n" + body;
        return decode_http_body(parse_http_head(payload), payload, 1 << 20, cut);
    };
    bool cut = false;
    // LF-only headers; gzip, deflate and br labels on a body that is none of them.
    for (std::string coding : {"gzip", "deflate", "br"}) {
        INFO(coding);
        CHECK(body_of("Content-Encoding: " + coding + "\n", page, &cut) == page);
    }
    // gzip magic, then garbage: not gzip after all.
    std::string fake = "\x1f\x8b" + page;
    CHECK(body_of("Content-Encoding: gzip\n", fake, &cut) == fake);
    // Labelled chunked, stored de-chunked.
    CHECK(body_of("Transfer-Encoding: chunked\n", page, &cut) == page);
    CHECK_FALSE(cut);
    // A gzip body cut short: every byte inflated before the cut, marked.
    std::string big;
    for (int i = 0; i < 200; ++i)
        big += "<p>Paragraph " + std::to_string(i) + " of the harbour report.</p>\n";
    std::string gzipped = gz(big);
    std::string got =
        body_of("Content-Encoding: gzip\n", gzipped.substr(0, gzipped.size() / 2), &cut);
    CHECK(cut);
    CHECK(got.size() > 100);
    CHECK(big.rfind(got, 0) == 0);
    // A chunked body without its last chunk.
    cut = false;
    CHECK(body_of("Transfer-Encoding: chunked\n", "5\r\nhello\r\n6\r\n wo", &cut) == "hello wo");
    CHECK(cut);
    // Too large is still an error.
    CHECK_THROWS_AS(decode_http_body(parse_http_head("HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n"),
                                     "HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n" + gzipped, 100),
                    RecordError);
}

TEST_CASE("HTTP Date headers in their three forms") {
    CHECK(parse_http_date("Tue, 24 Feb 2009 17:09:34 GMT") == 1235495374);
    CHECK(parse_http_date("Tuesday, 24-Feb-09 17:09:34 GMT") == 1235495374);
    CHECK(parse_http_date("Tue Feb 24 17:09:34 2009") == 1235495374);
    CHECK_FALSE(parse_http_date("2009-03-65T08:43:19-0800"));
    CHECK_FALSE(parse_http_date(""));
}
