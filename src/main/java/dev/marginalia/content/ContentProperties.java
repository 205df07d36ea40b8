package dev.marginalia.content;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the articles live.
 * @param dir the folder of {@code *.md} files, relative to the working directory unless absolute
 * ({@code marginalia.content.dir}, default {@code ./content})
 */
@ConfigurationProperties("marginalia.content")
public record ContentProperties(@DefaultValue("content") Path dir) {
}
