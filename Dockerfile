# Build and run the app (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests -DskipLint=true

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/member-enquiries-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
