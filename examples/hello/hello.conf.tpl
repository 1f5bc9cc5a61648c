# Rendered by the paved runbook `template` module: values are interpolated, never executed.
app = ${app}
port = ${port}
greeting = ${greeting}
literal = $${not_a_variable}
