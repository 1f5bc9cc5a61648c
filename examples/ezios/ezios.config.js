// ezios configuration, rendered by Paved for ${host.name}.
module.exports = {
  db_path: '${db_path}',
  api_key: '${api_key}',
  port: ${port},
};
