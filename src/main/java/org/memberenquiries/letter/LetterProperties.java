package org.memberenquiries.letter;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Letters in the officer's name ({@code enquiries.letters}; R15). The council's name on the letterhead
 * is {@code enquiries.council.name}.
 *
 * @param enabled whether a full response is also issued as a signed PDF letter (attached to the email)
 * @param addressLines the council's postal address on the letterhead, one line each
 * @param telephone the letterhead's telephone number, if any
 * @param email the letterhead's email address, if any
 * @param website the letterhead's web address, if any
 * @param closing the complimentary close above the officer's name
 * @param fontFile a TrueType font to write letters in (e.g. DejaVuSans.ttf), for text beyond Western
 *     European letters (Welsh ŵ and ŷ, for one); empty: the PDF's built-in Helvetica
 */
@ConfigurationProperties("enquiries.letters")
public record LetterProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue List<String> addressLines,
    String telephone,
    String email,
    String website,
    @DefaultValue("Yours sincerely") String closing,
    String fontFile) {

  public LetterProperties {
    addressLines = addressLines == null ? List.of()
        : addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
    telephone = blankToNull(telephone);
    email = blankToNull(email);
    website = blankToNull(website);
    closing = closing == null || closing.isBlank() ? "Yours sincerely" : closing;
    fontFile = blankToNull(fontFile);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
