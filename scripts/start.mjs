// `npm start`: the api that serves both apps is not built yet (see the open issues).
console.log('Tracershop: the api server is not built yet. For now run `npm test`.');
