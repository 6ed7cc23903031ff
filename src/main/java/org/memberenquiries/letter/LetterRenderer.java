package org.memberenquiries.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberenquiries.webapps.CouncilProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a letter (R15) as PDF: {@code templates/letter/letter.xhtml} (Thymeleaf in XML mode, so the
 * output is the well-formed XHTML openhtmltopdf reads, and everything typed is escaped) on the council's
 * letterhead from configuration, then openhtmltopdf. Nothing is fetched from outside: no images, no
 * remote style sheets.
 */
@Component
public class LetterRenderer {

  /** "23 November 2026". */
  static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final String FONT_FAMILY = "LetterFont";

  /** Everything the template shows. */
  public record Page(
      String council, List<String> addressLines, String telephone, String email, String website,
      String reference, String date, List<String> recipients, boolean severalRecipients, String salutation,
      String enquirySubject, List<String> paragraphs, String closing, String signatoryName,
      String signatoryTitle, String fontFamily) {}

  private final CouncilProperties council;
  private final LetterProperties properties;
  private final TemplateEngine templates = templates();

  public LetterRenderer(CouncilProperties council, LetterProperties properties) {
    this.council = council;
    this.properties = properties;
  }

  public byte[] pdf(Letter letter) {
    String xhtml = xhtml(letter);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      if (properties.fontFile() != null) {
        builder.useFont(new File(properties.fontFile()), FONT_FAMILY);
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Letter " + letter.id() + " could not be rendered", e);
    }
  }

  String xhtml(Letter letter) {
    Context context = new Context(Locale.UK);
    context.setVariable("p", page(letter));
    return templates.process("letter/letter.xhtml", context);
  }

  Page page(Letter letter) {
    List<String> recipients = letter.recipients();
    boolean several = recipients.size() > 1;
    String salutation = several ? "Dear Councillors" : "Dear " + (recipients.isEmpty() ? "Councillor" : recipients.get(0));
    return new Page(council.name(), properties.addressLines(), properties.telephone(), properties.email(),
        properties.website(), letter.reference(), LETTER_DATE.format(letter.date()), recipients, several, salutation,
        letter.enquirySubject(), paragraphs(letter.body()), properties.closing(), letter.signatoryName(),
        letter.signatoryTitle(), properties.fontFile() != null ? FONT_FAMILY + ", sans-serif" : "sans-serif");
  }

  /** The officer's text, a paragraph for each blank-line-separated block (single line breaks are kept). */
  static List<String> paragraphs(String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String block : body.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!block.isBlank()) {
        paragraphs.add(block.strip());
      }
    }
    return paragraphs;
  }

  private static TemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
