/* The web service (safeplan serve). Uses only the public library API. */
#ifndef SP_WEB_H
#define SP_WEB_H

typedef struct web_options {
    const char *db_path;
    const char *listen;  /* "127.0.0.1:8080" */
    int behind_tls;      /* cookies get Secure and the __Host- prefix */
} web_options;

/* Serves until SIGINT or SIGTERM; returns a process exit status. */
int web_serve(const web_options *opt);

#endif
