//! Stream data, and whether all of it could be read.
//!
//! lopdf decodes a stream's filters leniently: a Flate stream cut short or damaged partway gives
//! the bytes inflated before the damage, with no error, and a stream that fails to decode is
//! handed on as its raw bytes. That keeps what can be read, but hides that the rest was lost, so
//! a page whose content was damaged would be checked as if it were whole. Here the last Flate
//! filter of a chain (what Word, WPS, LibreOffice and reportlab write) is inflated directly and
//! counted whole only when its deflate data reaches its end; other filters are left to lopdf,
//! whose errors count as damage instead of raw bytes.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{DecompressError, Error, Object, Stream};

/// A stream's decoded bytes, and whether they are all it holds.
pub struct Decoded {
    pub bytes: Vec<u8>,
    /// `false` when the stream's data was cut short or damaged: `bytes` are what was read before.
    pub whole: bool,
}

/// Decodes `stream`, refusing to produce more than `limit` bytes (a decompression bomb is an
/// error, as with lopdf's bounded decoding).
pub fn decode(stream: &Stream, limit: usize) -> Result<Decoded, Error> {
    let filters = match stream.filters() {
        Ok(filters) => filters,
        // No filter (or a malformed one, which lopdf also reads as none): the bytes as they are.
        Err(_) => return plain(stream, limit),
    };
    let Some((&b"FlateDecode", before)) = filters.split_last() else {
        return by_lopdf(stream, limit);
    };
    // Predictors (rare outside images) are applied by lopdf.
    if stream.dict.has(b"DecodeParms") {
        return by_lopdf(stream, limit);
    }
    if before.is_empty() {
        return inflate(&stream.content, limit);
    }
    // The filters before the Flate one (ASCII85 for reportlab) are lopdf's to undo.
    let names: Vec<Object> = before
        .iter()
        .map(|name| Object::Name(name.to_vec()))
        .collect();
    let mut outer = Stream::new(stream.dict.clone(), stream.content.clone());
    outer.dict.set("Filter", names);
    match outer.decompressed_content_with_limit(limit) {
        Ok(deflated) => inflate(&deflated, limit),
        Err(error @ Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => Err(error),
        Err(_) => Ok(Decoded {
            bytes: Vec::new(),
            whole: false,
        }),
    }
}

fn plain(stream: &Stream, limit: usize) -> Result<Decoded, Error> {
    if stream.content.len() > limit {
        return Err(exceeded(limit));
    }
    Ok(Decoded {
        bytes: stream.content.clone(),
        whole: true,
    })
}

fn by_lopdf(stream: &Stream, limit: usize) -> Result<Decoded, Error> {
    match stream.decompressed_content_with_limit(limit) {
        Ok(bytes) => Ok(Decoded { bytes, whole: true }),
        Err(error @ Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => Err(error),
        Err(_) => Ok(Decoded {
            bytes: Vec::new(),
            whole: false,
        }),
    }
}

fn exceeded(limit: usize) -> Error {
    DecompressError::MemoryLimitExceeded { limit }.into()
}

/// Inflates zlib data as lopdf does (the deflate data after the two-byte header, without
/// trusting the checksum, which some encrypted files get wrong), and tells whether the deflate
/// data reached its final block.
fn inflate(input: &[u8], limit: usize) -> Result<Decoded, Error> {
    if input.is_empty() {
        return Ok(Decoded {
            bytes: Vec::new(),
            whole: true,
        });
    }
    let Some(deflated) = input.get(2..) else {
        return Ok(Decoded {
            bytes: Vec::new(),
            whole: false,
        });
    };
    let mut inflater = Decompress::new(false);
    // Content streams inflate to a few times their size; grow from there.
    let mut bytes = Vec::with_capacity(deflated.len().saturating_mul(4).clamp(64, limit.max(64)));
    loop {
        let consumed = usize::try_from(inflater.total_in()).unwrap_or(usize::MAX);
        let rest = deflated.get(consumed..).unwrap_or_default();
        if bytes.len() == bytes.capacity() {
            bytes.reserve(bytes.capacity().max(4096));
        }
        let produced = bytes.len();
        let status = inflater.decompress_vec(rest, &mut bytes, FlushDecompress::None);
        if bytes.len() > limit {
            return Err(exceeded(limit));
        }
        let progressed = bytes.len() > produced
            || usize::try_from(inflater.total_in()).unwrap_or(usize::MAX) > consumed;
        match status {
            Ok(Status::StreamEnd) => return Ok(Decoded { bytes, whole: true }),
            // Damaged data, or data that ends before its final block: what was inflated so far.
            Err(_) => {
                return Ok(Decoded {
                    bytes,
                    whole: false,
                })
            }
            Ok(_) if !progressed => {
                return Ok(Decoded {
                    bytes,
                    whole: false,
                })
            }
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn zlib(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).expect("compressed");
        encoder.finish().expect("compressed")
    }

    fn flate(content: Vec<u8>) -> Stream {
        Stream::new(dictionary! { "Filter" => "FlateDecode" }, content)
    }

    /// Text that compresses to several deflate blocks' worth of varied data.
    fn content() -> Vec<u8> {
        (0..4000)
            .map(|line| format!("BT /F1 10 Tf 50 {line} Td <{:08X}> Tj ET\n", line * 7919))
            .collect::<String>()
            .into_bytes()
    }

    #[test]
    fn a_whole_stream_is_whole_and_a_cut_one_keeps_what_came_before_the_cut() {
        let original = content();
        let compressed = zlib(&original);
        let whole = decode(&flate(compressed.clone()), 1 << 24).expect("decoded");
        assert!(whole.whole);
        assert_eq!(whole.bytes, original);

        let cut =
            decode(&flate(compressed[..compressed.len() / 2].to_vec()), 1 << 24).expect("decoded");
        assert!(!cut.whole);
        assert!(!cut.bytes.is_empty() && original.starts_with(&cut.bytes));
    }

    #[test]
    fn a_wrong_checksum_after_whole_deflate_data_is_no_damage() {
        // Deflate data has no checksum of its own: bytes changed in its middle inflate to
        // something, and the content's syntax tells the damage (see `content`).
        let original = content();
        // Some writers get the zlib checksum wrong; lopdf ignores it too.
        let mut checksum = zlib(&original);
        let last = checksum.len() - 1;
        checksum[last] ^= 0xFF;
        let read = decode(&flate(checksum), 1 << 24).expect("decoded");
        assert!(read.whole);
        assert_eq!(read.bytes, original);
    }

    #[test]
    fn filter_chains_limits_and_plain_streams() {
        let original = content();
        // ASCII85 then Flate, as reportlab writes: lopdf undoes the ASCII85.
        let encoded = ascii85_encode(&zlib(&original));
        let chain = Stream::new(
            dictionary! { "Filter" => vec![Object::Name(b"ASCII85Decode".to_vec()), Object::Name(b"FlateDecode".to_vec())] },
            encoded,
        );
        let read = decode(&chain, 1 << 24).expect("decoded");
        assert!(read.whole);
        assert_eq!(read.bytes, original);
        assert!(matches!(
            decode(&flate(zlib(&original)), 1000),
            Err(Error::Decompress(
                DecompressError::MemoryLimitExceeded { .. }
            ))
        ));
        let plain = Stream::new(dictionary! {}, b"BT ET".to_vec());
        assert!(decode(&plain, 100).expect("decoded").whole);
        let unknown = Stream::new(dictionary! { "Filter" => "NoSuchDecode" }, b"x".to_vec());
        assert!(!decode(&unknown, 100).expect("decoded").whole);
    }

    fn ascii85_encode(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in data.chunks(4) {
            let mut group = [0u8; 4];
            group[..chunk.len()].copy_from_slice(chunk);
            let mut value = u32::from_be_bytes(group);
            let mut digits = [0u8; 5];
            for digit in digits.iter_mut().rev() {
                *digit = (value % 85) as u8 + b'!';
                value /= 85;
            }
            out.extend_from_slice(&digits[..chunk.len() + 1]);
        }
        out.extend_from_slice(b"~>");
        out
    }
}
