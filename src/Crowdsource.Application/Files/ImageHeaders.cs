using System.Buffers.Binary;

namespace Crowdsource.Application.Files;

/// <summary>
/// An image's size in pixels, as its header declares it, and how much a decoder costs per pixel compared with an
/// ordinary 8-bit picture (<paramref name="DecodeWeight"/>): a 16-bit PNG and an interlaced PNG are each decoded through
/// a buffer of the whole picture on top of the result, so each doubles what decoding takes.
/// </summary>
public readonly record struct ImageSize(int Width, int Height, int DecodeWeight = 1)
{
    public long Pixels => (long)Width * Height;

    /// <summary>What decoding costs, in pixels of an ordinary 8-bit picture: what the pixel budget limits.</summary>
    public long DecodedPixels => Pixels * DecodeWeight;

    public int LongerSide => Math.Max(Width, Height);
}

/// <summary>
/// Reads an image's pixel dimensions from its header bytes only, never decoding a pixel: what a decoder would allocate
/// is known before anything is decoded. Reads forward through the stream and skips what it does not need (JPEG
/// segments before the frame header, GIF frame data), so it costs a few small buffers whatever the file.
/// </summary>
public static class ImageHeaders
{
    /// <summary>
    /// The size <paramref name="content"/> declares, or null when its header is truncated, malformed or declares no
    /// pixels: such a file is refused, never handed to a decoder.
    /// </summary>
    public static ImageSize? Read(Stream content, FileKind kind)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(kind);
        var reader = new HeaderReader(content);
        var size = kind == FileKind.Png ? ReadPng(reader)
            : kind == FileKind.Jpeg ? ReadJpeg(reader)
            : kind == FileKind.Gif ? ReadGif(reader)
            : kind == FileKind.WebP ? ReadWebP(reader)
            : null;
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    /// <summary>
    /// PNG: the signature, then the IHDR chunk first of all (length 13): width and height as 31-bit big-endian, then
    /// the bit depth, colour type, compression, filter and interlace method, one byte each.
    /// </summary>
    private static ImageSize? ReadPng(HeaderReader reader)
    {
        Span<byte> header = stackalloc byte[29];
        if (!reader.TryRead(header) || BinaryPrimitives.ReadUInt32BigEndian(header[8..]) != 13 || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            return null;
        }

        var sixteenBits = header[24] == 16;
        var interlaced = header[28] == 1; // Adam7
        return new ImageSize((int)width, (int)height, (sixteenBits ? 2 : 1) * (interlaced ? 2 : 1));
    }

    /// <summary>JPEG: segment after segment from the start-of-image marker to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC).</summary>
    private static ImageSize? ReadJpeg(HeaderReader reader)
    {
        Span<byte> two = stackalloc byte[2];
        if (!reader.TryRead(two) || two[0] != 0xFF || two[1] != 0xD8)
        {
            return null;
        }

        while (true)
        {
            var marker = reader.ReadByte();
            if (marker != 0xFF)
            {
                return null;
            }

            while (marker == 0xFF)
            {
                marker = reader.ReadByte(); // any number of fill bytes may precede a marker
            }

            switch (marker)
            {
                case < 0:
                    return null;
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    continue; // markers without a segment
                case 0xD9 or 0xDA:
                    return null; // end of image or start of scan before any frame header
            }

            if (!reader.TryRead(two))
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                Span<byte> frame = stackalloc byte[5];
                if (length < 2 + frame.Length || !reader.TryRead(frame))
                {
                    return null;
                }

                return new ImageSize(BinaryPrimitives.ReadUInt16BigEndian(frame[3..]), BinaryPrimitives.ReadUInt16BigEndian(frame[1..]));
            }

            if (!reader.TrySkip(length - 2))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// GIF: the logical screen, then every frame's descriptor (a frame may reach beyond the screen, and a decoder
    /// makes room for it): the size is what covers them all. Frame data is skipped sub-block by sub-block.
    /// </summary>
    private static ImageSize? ReadGif(HeaderReader reader)
    {
        Span<byte> screen = stackalloc byte[13];
        if (!reader.TryRead(screen))
        {
            return null;
        }

        int width = BinaryPrimitives.ReadUInt16LittleEndian(screen[6..]), height = BinaryPrimitives.ReadUInt16LittleEndian(screen[8..]);
        if (!SkipColourTable(reader, screen[10]))
        {
            return null;
        }

        var frames = 0;
        Span<byte> descriptor = stackalloc byte[9];
        while (true)
        {
            switch (reader.ReadByte())
            {
                case 0x2C: // image descriptor: left, top, width, height, flags; then colour table, LZW code size, data
                    if (!reader.TryRead(descriptor))
                    {
                        return frames > 0 ? new ImageSize(width, height) : null;
                    }

                    width = Math.Max(width, BinaryPrimitives.ReadUInt16LittleEndian(descriptor) + BinaryPrimitives.ReadUInt16LittleEndian(descriptor[4..]));
                    height = Math.Max(height, BinaryPrimitives.ReadUInt16LittleEndian(descriptor[2..]) + BinaryPrimitives.ReadUInt16LittleEndian(descriptor[6..]));
                    frames++;
                    if (!SkipColourTable(reader, descriptor[8]) || reader.ReadByte() < 0 || !SkipSubBlocks(reader))
                    {
                        return new ImageSize(width, height); // truncated data after a frame's descriptor: its size is known
                    }

                    break;
                case 0x21: // extension: label, then sub-blocks
                    if (reader.ReadByte() < 0 || !SkipSubBlocks(reader))
                    {
                        return frames > 0 ? new ImageSize(width, height) : null;
                    }

                    break;
                case 0x3B: // trailer
                    return frames > 0 ? new ImageSize(width, height) : null;
                case < 0:
                    return frames > 0 ? new ImageSize(width, height) : null;
                default:
                    return null;
            }
        }
    }

    private static bool SkipColourTable(HeaderReader reader, byte flags) =>
        (flags & 0x80) == 0 || reader.TrySkip(3 << ((flags & 0x07) + 1));

    private static bool SkipSubBlocks(HeaderReader reader)
    {
        while (true)
        {
            var length = reader.ReadByte();
            if (length <= 0)
            {
                return length == 0;
            }

            if (!reader.TrySkip(length))
            {
                return false;
            }
        }
    }

    /// <summary>WebP: the RIFF header, then the first chunk: VP8 (lossy key frame), VP8L (lossless) or VP8X (extended: the canvas).</summary>
    private static ImageSize? ReadWebP(HeaderReader reader)
    {
        Span<byte> header = stackalloc byte[20];
        if (!reader.TryRead(header) || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = header[12..16];
        Span<byte> data = stackalloc byte[chunk.SequenceEqual("VP8L"u8) ? 5 : 10];
        if (!reader.TryRead(data))
        {
            return null;
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes, bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit width and height.
            return (data[0] & 1) != 0 || data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A
                ? null
                : new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width - 1 and height - 1 in 14 bits each.
            if (data[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return new ImageSize((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags and reserved (4 bytes), then canvas width - 1 and height - 1 in 24 bits each; frames fit in the canvas.
            return new ImageSize(ReadUInt24(data[4..]) + 1, ReadUInt24(data[7..]) + 1);
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    /// <summary>Forward-only reading with small buffers; skipping seeks when the stream can, and reads past otherwise.</summary>
    private sealed class HeaderReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public int ReadByte() => stream.Read(_one, 0, 1) == 1 ? _one[0] : -1;

        public bool TryRead(Span<byte> destination) =>
            stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) == destination.Length;

        public bool TrySkip(long count)
        {
            if (stream.CanSeek)
            {
                if (stream.Length - stream.Position < count)
                {
                    return false;
                }

                stream.Seek(count, SeekOrigin.Current);
                return true;
            }

            Span<byte> discard = stackalloc byte[4096];
            while (count > 0)
            {
                var read = stream.Read(discard[..(int)Math.Min(count, discard.Length)]);
                if (read == 0)
                {
                    return false;
                }

                count -= read;
            }

            return true;
        }
    }
}
